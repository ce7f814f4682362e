package dev.jnn.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calls every hook on a list of callbacks, in list order (Keras's {@code CallbackList}).
 *
 * <p>Before each dispatch the logs are copied with their keys sorted (Keras's
 * {@code pythonify_logs}: {@code accuracy} before {@code loss}, {@code val_} keys after them); the
 * same copy goes to every callback of that dispatch, so a key a callback adds is seen by the
 * callbacks after it. {@code fit} asks for a {@link History} and a {@link ProgbarLogger}, which are
 * appended after the user's callbacks unless the list already holds one.
 *
 * <pre>{@code
 * var callbacks = CallbackList.builder().callbacks(userCallbacks).addHistory(true)
 *         .addProgbar(verbose != 0).model(model)
 *         .params(Map.of("verbose", 1, "epochs", 10, "steps", 32)).build();
 * callbacks.onTrainBegin(Map.of());
 * }</pre>
 */
public final class CallbackList implements Callback {
    private final List<Callback> callbacks;
    private final History history;
    private final ProgbarLogger progbar;
    private TrainingControl model;
    private Map<String, Object> params = Map.of();
    // Nesting of train/test/predict begin-end blocks (evaluate runs inside fit).
    private int openBlocks;

    private CallbackList(Builder builder) {
        this.callbacks = new ArrayList<>(builder.callbacks);
        History foundHistory = null;
        ProgbarLogger foundProgbar = null;
        for (Callback callback : callbacks) {
            if (callback instanceof ProgbarLogger logger) {
                foundProgbar = logger;
            } else if (callback instanceof History recorded) {
                foundHistory = recorded;
            }
        }
        if (foundHistory == null && builder.addHistory) {
            foundHistory = new History();
            callbacks.add(foundHistory);
        }
        if (foundProgbar == null && builder.addProgbar) {
            foundProgbar = builder.progbarFactory.get();
            callbacks.add(foundProgbar);
        }
        this.history = foundHistory;
        this.progbar = foundProgbar;
        setModel(builder.model);
        setParams(builder.params);
    }

    /** A list dispatching to {@code callbacks}, with no model and no params yet. */
    public CallbackList(List<? extends Callback> callbacks) {
        this(builder().callbacks(callbacks));
    }

    /** A builder with no callbacks, no History and no ProgbarLogger added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The callbacks in dispatch order, including an added History and ProgbarLogger. */
    public List<Callback> callbacks() {
        return Collections.unmodifiableList(callbacks);
    }

    /** The History in the list, or {@code null} if there is none. */
    public History history() {
        return history;
    }

    /** The ProgbarLogger in the list, or {@code null} if there is none. */
    public ProgbarLogger progbar() {
        return progbar;
    }

    /** The model the callbacks see, or {@code null} before {@link #setModel}. */
    public TrainingControl model() {
        return model;
    }

    /** The parameters passed to every callback. */
    public Map<String, Object> params() {
        return params;
    }

    /** Gives {@code model} to every callback; a {@code null} model is ignored, as in Keras. */
    @Override
    public void setModel(TrainingControl model) {
        if (model == null) {
            return;
        }
        this.model = model;
        for (Callback callback : callbacks) {
            callback.setModel(model);
        }
    }

    /** Gives {@code params} to every callback unless empty, as in Keras. */
    @Override
    public void setParams(Map<String, Object> params) {
        // HashMap: Keras allows a null "steps" (unknown), which Map.copyOf rejects.
        this.params = params == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(params));
        if (!this.params.isEmpty()) {
            for (Callback callback : callbacks) {
                callback.setParams(this.params);
            }
        }
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        begin();
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTrainBegin(sorted);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTrainEnd(sorted);
        }
        end();
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onEpochBegin(epoch, sorted);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onEpochEnd(epoch, sorted);
        }
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTrainBatchBegin(batch, sorted);
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTrainBatchEnd(batch, sorted);
        }
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        begin();
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTestBegin(sorted);
        }
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTestEnd(sorted);
        }
        end();
    }

    @Override
    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTestBatchBegin(batch, sorted);
        }
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTestBatchEnd(batch, sorted);
        }
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        begin();
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onPredictBegin(sorted);
        }
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onPredictEnd(sorted);
        }
        end();
    }

    @Override
    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onPredictBatchBegin(batch, sorted);
        }
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        var sorted = sorted(logs);
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onPredictBatchEnd(batch, sorted);
        }
    }

    private void begin() {
        openBlocks++;
    }

    private void end() {
        openBlocks--;
        if (openBlocks < 0) {
            openBlocks = 0;
            throw new IllegalStateException("on_xxx_end called without corresponding on_xxx_begin");
        }
    }

    /**
     * A mutable copy of the logs with their keys sorted, as Keras passes them: a key that one callback
     * adds is seen by the callbacks after it, never by the caller.
     */
    private static Map<String, Double> sorted(Map<String, Double> logs) {
        return SortedLogs.copy(logs);
    }

    /**
     * Options of a {@link CallbackList}: the user's callbacks, whether to append a History and a
     * ProgbarLogger, the model and the parameters.
     */
    public static final class Builder {
        private final List<Callback> callbacks = new ArrayList<>();
        private boolean addHistory;
        private boolean addProgbar;
        private Supplier<ProgbarLogger> progbarFactory = ProgbarLogger::new;
        private TrainingControl model;
        private Map<String, Object> params = Map.of();

        private Builder() {
        }

        /** The user's callbacks, called in this order. */
        public Builder callbacks(List<? extends Callback> callbacks) {
            for (Callback callback : callbacks) {
                if (callback == null) {
                    throw new IllegalArgumentException("callbacks must not contain null, got " + callbacks);
                }
                this.callbacks.add(callback);
            }
            return this;
        }

        /** Appends a {@link History} unless one is already in the list. */
        public Builder addHistory(boolean addHistory) {
            this.addHistory = addHistory;
            return this;
        }

        /** Appends a {@link ProgbarLogger} (after the History) unless one is already in the list. */
        public Builder addProgbar(boolean addProgbar) {
            this.addProgbar = addProgbar;
            return this;
        }

        /** Appends {@code factory.get()} instead of a default {@code ProgbarLogger} when one is added. */
        public Builder progbarFactory(Supplier<ProgbarLogger> factory) {
            this.progbarFactory = factory;
            return this;
        }

        /** The model every callback sees. */
        public Builder model(TrainingControl model) {
            this.model = model;
            return this;
        }

        /** {@code verbose}, {@code epochs} and {@code steps}, passed to every callback. */
        public Builder params(Map<String, Object> params) {
            this.params = params;
            return this;
        }

        /** The list, with the model and params already given to every callback. */
        public CallbackList build() {
            return new CallbackList(this);
        }
    }
}
