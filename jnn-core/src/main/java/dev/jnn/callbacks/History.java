package dev.jnn.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the logs of every epoch; {@code fit} returns it (Keras's {@code History}).
 *
 * <p>{@link #history()} maps each log key, in the order keys were first seen (sorted, {@code val_}
 * keys last), to its value at each recorded epoch; {@link #epochs()} lists the 0-based epoch
 * indices and {@link #params()} the training parameters ({@code verbose}, {@code epochs},
 * {@code steps}). As in Keras, a second {@code fit} with the same instance restarts
 * {@link #epochs()} but keeps appending to {@link #history()}.
 *
 * <pre>{@code
 * History history = model.fit(x, y, 10);
 * List<Double> losses = history.history().get("loss");
 * double lastValLoss = history.history().get("val_loss").getLast();
 * }</pre>
 */
public final class History implements Callback {
    private final Map<String, List<Double>> history = new LinkedHashMap<>();
    private final List<Integer> epochs = new ArrayList<>();
    private Map<String, Object> params = Map.of();

    /** An empty history. */
    public History() {
    }

    @Override
    public void setParams(Map<String, Object> params) {
        this.params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        epochs.clear();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        if (logs != null) {
            logs.forEach((key, value) -> history.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
        }
    }

    /** Log key to its value per recorded epoch (read-only view). */
    public Map<String, List<Double>> history() {
        var view = new LinkedHashMap<String, List<Double>>();
        history.forEach((key, values) -> view.put(key, Collections.unmodifiableList(values)));
        return Collections.unmodifiableMap(view);
    }

    /** The 0-based indices of the epochs recorded by the last {@code fit} (read-only view). */
    public List<Integer> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The parameters {@code fit} passed to its callbacks: {@code verbose}, {@code epochs}, {@code steps}. */
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public String toString() {
        return "History" + history;
    }
}
