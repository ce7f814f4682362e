package dev.jnn.models;

import dev.jnn.callbacks.Callback;
import dev.jnn.callbacks.CallbackList;
import dev.jnn.callbacks.History;
import dev.jnn.callbacks.ProgbarLogger;
import dev.jnn.layers.Layer;
import dev.jnn.losses.Loss;
import dev.jnn.metrics.Metric;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.StepScope;
import dev.jnn.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The one path from {@code fit} to the kernels: batches → {@link #trainStep} (forward, loss,
 * backward, optimizer update, metrics) → callbacks, with Keras's semantics for every argument.
 */
final class Trainer {
    private final Model model;
    private final Compiled compiled;
    // Reused by every step so that a steady-state step allocates nothing.
    private final GradientTape tape = new GradientTape();
    private final StepScope scope = new StepScope();
    private final BatchBuffers batches = new BatchBuffers();
    private List<Parameter> trainable;
    private Layer[] layers;
    private float[] lossGradient = new float[0];

    Trainer(Model model, Compiled compiled) {
        this.model = model;
        this.compiled = compiled;
    }

    /** Caches the model's structure once it is built (it cannot change afterwards). */
    private void bind() {
        if (layers == null) {
            layers = model.layers().toArray(new Layer[0]);
            trainable = model.trainableParameters();
        }
    }

    History fit(Tensor x, Tensor y, FitOptions options) {
        DataChecks.sameLength("fit", x, y);
        DataChecks.finite("fit", "x", x);
        DataChecks.finite("fit", "y", y);
        DataChecks.weights("fit", options.sampleWeight(), x.rows());
        model.build(x.shape().withoutBatch());
        LabelChecks.check("fit", compiled.loss(), y, model.outputShape());
        compiled.metrics(y.shape(), model.outputShape().withBatch(y.rows()));

        float[] sampleWeight = options.classWeight() != null
                ? ClassWeights.toSampleWeights(y, options.classWeight())
                : options.sampleWeight();

        Tensor trainX = x;
        Tensor trainY = y;
        float[] trainWeight = sampleWeight;
        Tensor valX = options.validationX();
        Tensor valY = options.validationY();
        if (valX != null) {
            DataChecks.sameLength("fit (validation_data)", valX, valY);
            DataChecks.finite("fit", "validation x", valX);
            DataChecks.finite("fit", "validation y", valY);
        } else if (options.validationSplit() > 0) {
            // Keras holds out the tail, before any shuffling.
            int splitAt = (int) Math.floor(x.rows() * (1.0 - options.validationSplit()));
            if (splitAt == 0 || splitAt == x.rows()) {
                throw new IllegalArgumentException("fit: validation_split=" + options.validationSplit() + " leaves "
                        + splitAt + " of " + x.rows() + " samples for training; both parts must be non-empty");
            }
            trainX = x.sliceRows(0, splitAt);
            trainY = y.sliceRows(0, splitAt);
            valX = x.sliceRows(splitAt, x.rows());
            valY = y.sliceRows(splitAt, y.rows());
            trainWeight = sampleWeight == null ? null : java.util.Arrays.copyOfRange(sampleWeight, 0, splitAt);
        }

        int samples = trainX.rows();
        int batchSize = options.batchSize();
        int steps = (samples + batchSize - 1) / batchSize;
        CallbackList callbacks = callbacks(options.callbacks(), options.verbose(), options.epochs(), steps);
        History history = callbacks.history();

        SplittableRandom shuffleRandom = options.shuffle() ? SeedGenerator.newRandom(null) : null;
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        // Silent fit with no callbacks of the user's: only History listens, and it ignores batches.
        boolean batchHooks = options.verbose() != 0 || !options.callbacks().isEmpty();
        model.setStopTraining(false);
        callbacks.onTrainBegin(Map.of());
        Map<String, Double> epochLogs = Map.of();
        for (int epoch = options.initialEpoch(); epoch < options.epochs(); epoch++) {
            compiled.resetMetrics();
            callbacks.onEpochBegin(epoch, Map.of());
            if (shuffleRandom != null) {
                shuffle(order, shuffleRandom);
            }
            for (int step = 0; step < steps; step++) {
                int from = step * batchSize;
                int to = Math.min(samples, from + batchSize);
                if (batchHooks) {
                    callbacks.onTrainBatchBegin(step, Map.of());
                }
                Tensor xb = batches.x(trainX, order, from, to);
                Tensor yb = batches.y(trainY, order, from, to);
                float[] wb = trainWeight == null ? null : batches.weights(trainWeight, order, from, to);
                trainStep(xb, yb, wb);
                if (batchHooks) {
                    callbacks.onTrainBatchEnd(step, results());
                }
                if (model.stopTraining()) {
                    break;
                }
            }
            epochLogs = new LinkedHashMap<>(results());
            if (valX != null) {
                Map<String, Double> valLogs = sorted(evaluate(valX, valY, null, batchSize, 0, List.of()));
                for (Map.Entry<String, Double> e : valLogs.entrySet()) {
                    epochLogs.put("val_" + e.getKey(), e.getValue());
                }
            }
            callbacks.onEpochEnd(epoch, epochLogs);
            if (model.stopTraining()) {
                break;
            }
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    /** Keras's CallbackList: the user's callbacks, then History and (when verbose) the progress bar. */
    private CallbackList callbacks(List<Callback> user, int verbose, int epochs, int steps) {
        return callbacks(model, user, verbose, epochs, steps);
    }

    private static CallbackList callbacks(Model model, List<Callback> user, int verbose, int epochs, int steps) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("verbose", verbose);
        params.put("epochs", epochs);
        params.put("steps", steps);
        CallbackList list = CallbackList.builder().callbacks(user).addHistory(true).addProgbar(verbose != 0).build();
        list.setModel(model);
        list.setParams(params);
        return list;
    }

    /**
     * One gradient update: forward, loss (with weight penalties), backward, metrics on the outputs
     * before the update, then the optimizer step. Allocates nothing once buffers have been sized.
     */
    void trainStep(Tensor xb, Tensor yb, float[] sampleWeight) {
        bind();
        Loss loss = compiled.loss();
        Optimizer optimizer = compiled.optimizer();
        if (!optimizer.built()) {
            optimizer.build(trainable);
        }
        for (int i = 0; i < trainable.size(); i++) {
            trainable.get(i).value().zeroGrad();
        }
        Tensor yPred;
        float lossValue;
        scope.begin();
        tape.begin();
        try {
            yPred = model.call(xb, true);
            if (lossGradient.length != yPred.size()) {
                lossGradient = new float[yPred.size()];
            }
            lossValue = loss.compute(yb, yPred, sampleWeight, lossGradient) + regularizationLoss();
            if (yPred.requiresGrad()) {
                float[] g = yPred.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] += lossGradient[i];
                }
                tape.backward();
            }
        } finally {
            tape.close();
            scope.end();
        }
        for (Layer layer : layers) {
            layer.addRegularizationGradients();
        }
        compiled.lossTracker().update(lossValue, xb.rows());
        List<Metric> metrics = compiled.metrics(yb.shape(), yPred.shape());
        for (int i = 0; i < metrics.size(); i++) {
            metrics.get(i).update(yb, yPred, null);
        }
        optimizer.applyGradients(trainable);
    }

    Map<String, Double> trainOnBatch(Tensor x, Tensor y, float[] sampleWeight) {
        DataChecks.sameLength("trainOnBatch", x, y);
        DataChecks.finite("trainOnBatch", "x", x);
        DataChecks.finite("trainOnBatch", "y", y);
        DataChecks.weights("trainOnBatch", sampleWeight, x.rows());
        model.build(x.shape().withoutBatch());
        LabelChecks.check("trainOnBatch", compiled.loss(), y, model.outputShape());
        compiled.metrics(y.shape(), model.outputShape().withBatch(y.rows()));
        compiled.resetMetrics();
        trainStep(x, y, sampleWeight);
        return results();
    }

    Map<String, Double> evaluate(Tensor x, Tensor y, float[] sampleWeight, int batchSize, int verbose,
                                 List<Callback> user) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("evaluate: batch_size must be > 0, got " + batchSize);
        }
        DataChecks.sameLength("evaluate", x, y);
        DataChecks.finite("evaluate", "x", x);
        DataChecks.finite("evaluate", "y", y);
        model.build(x.shape().withoutBatch());
        LabelChecks.check("evaluate", compiled.loss(), y, model.outputShape());
        compiled.metrics(y.shape(), model.outputShape().withBatch(y.rows()));
        int samples = x.rows();
        int steps = (samples + batchSize - 1) / batchSize;
        CallbackList callbacks = callbacks(user, verbose, 1, steps);
        compiled.resetMetrics();
        callbacks.onTestBegin(Map.of());
        Map<String, Double> logs = Map.of();
        for (int step = 0; step < steps; step++) {
            int from = step * batchSize;
            int to = Math.min(samples, from + batchSize);
            callbacks.onTestBatchBegin(step, Map.of());
            Tensor xb = x.sliceRows(from, to);
            Tensor yb = y.sliceRows(from, to);
            float[] wb = sampleWeight == null ? null : java.util.Arrays.copyOfRange(sampleWeight, from, to);
            scope.begin();
            Tensor yPred;
            float lossValue;
            try {
                yPred = model.call(xb, false);
                lossValue = compiled.loss().compute(yb, yPred, wb, null) + regularizationLoss();
                for (Metric m : compiled.metrics(yb.shape(), yPred.shape())) {
                    m.update(yb, yPred, null);
                }
            } finally {
                scope.end();
            }
            compiled.lossTracker().update(lossValue, xb.rows());
            logs = results();
            callbacks.onTestBatchEnd(step, logs);
        }
        callbacks.onTestEnd(logs);
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("loss", compiled.lossTracker().result());
        for (Metric m : compiled.metrics()) {
            ordered.put(m.name(), m.result());
        }
        return ordered;
    }

    static Tensor predict(Model model, Tensor x, int batchSize, int verbose) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("predict: batch_size must be > 0, got " + batchSize);
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("predict: verbose must be 0, 1 or 2, got " + verbose);
        }
        if (x.shape().rank() == 0) {
            throw new IllegalArgumentException("predict: x needs a batch axis, got shape " + x.shape());
        }
        DataChecks.finite("predict", "x", x);
        model.build(x.shape().withoutBatch());
        Shape out = model.outputShape().withBatch(x.rows());
        Tensor result = Tensor.zeros(out);
        int row = out.size() / Math.max(1, x.rows());
        int steps = (x.rows() + batchSize - 1) / batchSize;
        CallbackList callbacks = verbose == 0 ? null : callbacks(model, List.of(), verbose, 1, steps);
        if (callbacks != null) {
            callbacks.onPredictBegin(Map.of());
        }
        for (int step = 0; step < steps; step++) {
            int from = step * batchSize;
            int to = Math.min(x.rows(), from + batchSize);
            if (callbacks != null) {
                callbacks.onPredictBatchBegin(step, Map.of());
            }
            StepScope scope = new StepScope().begin();
            try {
                Tensor yb = model.call(x.sliceRows(from, to), false);
                System.arraycopy(yb.data(), 0, result.data(), from * row, (to - from) * row);
            } finally {
                scope.end();
            }
            if (callbacks != null) {
                callbacks.onPredictBatchEnd(step, Map.of());
            }
        }
        if (callbacks != null) {
            callbacks.onPredictEnd(Map.of());
        }
        return result;
    }

    private float regularizationLoss() {
        bind();
        float total = 0f;
        for (Layer layer : layers) {
            total += layer.regularizationLoss();
        }
        return total;
    }

    /** The running loss and metrics, keys sorted as Keras's logs. */
    private Map<String, Double> results() {
        Map<String, Double> logs = new TreeMap<>();
        logs.put("loss", compiled.lossTracker().result());
        for (Metric m : compiled.metrics()) {
            logs.put(m.name(), m.result());
        }
        return logs;
    }

    private static Map<String, Double> sorted(Map<String, Double> logs) {
        return new TreeMap<>(logs);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }


}
