package dev.jnn.models;

import dev.jnn.callbacks.Callback;
import dev.jnn.callbacks.CallbackList;
import dev.jnn.callbacks.History;
import dev.jnn.callbacks.SortedLogs;
import dev.jnn.layers.Layer;
import dev.jnn.metrics.Metric;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.InferencePass;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.StepScope;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one path from {@code fit} to the kernels: batches → {@link #trainStep} (forward, loss,
 * backward, optimizer update, metrics) → callbacks, with Keras's semantics for every argument. Data
 * is a list of tensors per model input and per model output; a model with one of each takes a
 * direct path that allocates nothing per step.
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
    private OutputHead[] heads;
    private Tensor[] xBatch;
    private Tensor[] yBatch;
    private Tensor[] predictions;
    private List<Tensor> xBatchView;

    Trainer(Model model, Compiled compiled) {
        this.model = model;
        this.compiled = compiled;
    }

    /** Caches the model's structure once it is built (it cannot change afterwards). */
    private void bind() {
        if (layers == null) {
            layers = model.layers().toArray(new Layer[0]);
            trainable = model.trainableParameters();
            heads = compiled.heads(model.outputNames()).toArray(new OutputHead[0]);
            xBatch = new Tensor[model.inputShapes().size()];
            yBatch = new Tensor[heads.length];
            predictions = new Tensor[heads.length];
            xBatchView = Arrays.asList(xBatch);
        }
    }

    /** Checks data against the model and resolves losses and metrics before the first step. */
    private void prepare(String method, List<Tensor> xs, List<Tensor> ys, float[] sampleWeight) {
        List<Shape> inputShapes = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            if (x.shape().rank() == 0) {
                throw new IllegalArgumentException(method + ": x needs a batch axis, got shape " + x.shape());
            }
            inputShapes.add(x.shape().withoutBatch());
        }
        model.build(inputShapes);
        bind();
        if (xs.size() != xBatch.length) {
            throw new IllegalArgumentException(method + ": model \"" + model.name() + "\" has " + xBatch.length
                    + " input(s), got " + xs.size() + " input arrays");
        }
        if (ys.size() != heads.length) {
            throw new IllegalArgumentException(method + ": model \"" + model.name() + "\" has " + heads.length
                    + " output(s) " + model.outputNames() + ", got " + ys.size() + " target arrays");
        }
        Tensor first = xs.get(0);
        for (int i = 0; i < xs.size(); i++) {
            DataChecks.sameLength(method, first, xs.get(i));
            DataChecks.finite(method, xs.size() == 1 ? "x" : "x[" + i + "]", xs.get(i));
        }
        List<Shape> outputShapes = model.outputShapes();
        for (int k = 0; k < ys.size(); k++) {
            Tensor y = ys.get(k);
            DataChecks.sameLength(method, first, y);
            DataChecks.finite(method, ys.size() == 1 ? "y" : "y[" + k + "]", y);
            LabelChecks.check(method, heads[k].loss(), y, outputShapes.get(k));
            heads[k].metrics(y.shape(), outputShapes.get(k).withBatch(y.rows()));
        }
        DataChecks.weights(method, sampleWeight, first.rows());
    }

    History fit(List<Tensor> xs, List<Tensor> ys, FitOptions options) {
        prepare("fit", xs, ys, options.sampleWeight());
        if (options.classWeight() != null && heads.length != 1) {
            throw new IllegalArgumentException("fit: class_weight is only supported for models with a single output; "
                    + "model \"" + model.name() + "\" has " + heads.length);
        }
        float[] sampleWeight = options.classWeight() != null
                ? ClassWeights.toSampleWeights(ys.get(0), options.classWeight())
                : options.sampleWeight();

        List<Tensor> trainX = xs;
        List<Tensor> trainY = ys;
        float[] trainWeight = sampleWeight;
        List<Tensor> valX = options.validationInputs();
        List<Tensor> valY = options.validationTargets();
        if (valX != null) {
            checkValidation(valX, valY);
        } else if (options.validationSplit() > 0) {
            // Keras holds out the tail, before any shuffling.
            int rows = xs.get(0).rows();
            int splitAt = (int) Math.floor(rows * (1.0 - options.validationSplit()));
            if (splitAt == 0 || splitAt == rows) {
                throw new IllegalArgumentException("fit: validation_split=" + options.validationSplit() + " leaves "
                        + splitAt + " of " + rows + " samples for training; both parts must be non-empty");
            }
            trainX = slice(xs, 0, splitAt);
            trainY = slice(ys, 0, splitAt);
            valX = slice(xs, splitAt, rows);
            valY = slice(ys, splitAt, rows);
            trainWeight = sampleWeight == null ? null : Arrays.copyOfRange(sampleWeight, 0, splitAt);
        }

        int samples = trainX.get(0).rows();
        int batchSize = options.batchSize();
        int steps = (samples + batchSize - 1) / batchSize;
        CallbackList callbacks = callbacks(model, options.callbacks(), options.verbose(), options.epochs(), steps);
        History history = callbacks.history();

        model.startFit(options.shuffle() ? SeedGenerator.nextSeed() : 0L);
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        // Silent fit with no callbacks of the user's: only History listens, and it ignores batches.
        boolean batchHooks = options.verbose() != 0 || !options.callbacks().isEmpty();
        model.setStopTraining(false);
        callbacks.onTrainBegin(Map.of());
        // Keras: initial_epoch = model._initial_epoch or initial_epoch (BackupAndRestore sets it in on_train_begin).
        int initialEpoch = model.resumeEpoch() > 0 ? model.resumeEpoch() : options.initialEpoch();
        RandomStream shuffleRandom = options.shuffle() ? new RandomStream(model.shuffleSeed()) : null;
        // A resumed run replays the shuffles of the epochs it skips, so its data order continues the
        // interrupted run's (the seed was restored with the backup).
        for (int epoch = options.initialEpoch(); shuffleRandom != null && epoch < initialEpoch; epoch++) {
            shuffle(order, shuffleRandom);
        }
        Map<String, Double> epochLogs = Map.of();
        for (int epoch = initialEpoch; epoch < options.epochs(); epoch++) {
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
                for (int i = 0; i < xBatch.length; i++) {
                    xBatch[i] = batches.rows(i, trainX.get(i), order, from, to);
                }
                for (int k = 0; k < yBatch.length; k++) {
                    yBatch[k] = batches.rows(xBatch.length + k, trainY.get(k), order, from, to);
                }
                float[] wb = trainWeight == null ? null : batches.weights(trainWeight, order, from, to);
                step(wb);
                if (batchHooks) {
                    callbacks.onTrainBatchEnd(step, results());
                }
                if (model.stopTraining()) {
                    break;
                }
            }
            epochLogs = results();   // a fresh map: the val_ keys go into it
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

    private void checkValidation(List<Tensor> valX, List<Tensor> valY) {
        if (valX.size() != xBatch.length || valY.size() != heads.length) {
            throw new IllegalArgumentException("fit: validation_data has " + valX.size() + " input and " + valY.size()
                    + " target arrays; model \"" + model.name() + "\" has " + xBatch.length + " input(s) and "
                    + heads.length + " output(s)");
        }
        for (int i = 0; i < valX.size(); i++) {
            DataChecks.sameLength("fit (validation_data)", valX.get(0), valX.get(i));
            DataChecks.finite("fit", "validation x", valX.get(i));
        }
        for (Tensor y : valY) {
            DataChecks.sameLength("fit (validation_data)", valX.get(0), y);
            DataChecks.finite("fit", "validation y", y);
        }
    }

    private static List<Tensor> slice(List<Tensor> tensors, int from, int to) {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            out.add(t.sliceRows(from, to));
        }
        return out;
    }

    /** Keras's CallbackList: the user's callbacks, then History and (when verbose) the progress bar. */
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

    /** One gradient update on a single-input, single-output batch (the benchmarked unit). */
    void trainStep(Tensor xb, Tensor yb, float[] sampleWeight) {
        if (layers == null) {
            model.build(List.of(xb.shape().withoutBatch()));
            bind();
        }
        xBatch[0] = xb;
        yBatch[0] = yb;
        step(sampleWeight);
    }

    /**
     * One gradient update on {@link #xBatch}/{@link #yBatch}: forward, each output's loss times its
     * weight (plus weight penalties), backward, metrics on the outputs before the update, then the
     * optimizer step. Allocates nothing once buffers have been sized (single input and output).
     */
    private void step(float[] sampleWeight) {
        Optimizer optimizer = compiled.optimizer();
        if (!optimizer.built()) {
            optimizer.build(trainable);
        }
        for (int i = 0; i < trainable.size(); i++) {
            trainable.get(i).value().zeroGrad();
        }
        int rows = xBatch[0].rows();
        float total = 0f;
        boolean differentiable = false;
        scope.begin();
        tape.begin();
        try {
            forward(true);
            for (int k = 0; k < heads.length; k++) {
                OutputHead head = heads[k];
                Tensor yPred = predictions[k];
                float[] lossGradient = head.lossGradient(yPred.size());
                float value = head.loss().compute(yBatch[k], yPred, sampleWeight, maskOf(yPred), lossGradient);
                head.lossTracker().update(value, rows);
                total += head.weight() * value;
                if (yPred.requiresGrad()) {
                    differentiable = true;
                    float[] g = yPred.grad();
                    float w = head.weight();
                    for (int i = 0; i < g.length; i++) {
                        g[i] += w * lossGradient[i];
                    }
                }
            }
            total += regularizationLoss();
            if (differentiable) {
                tape.backward();
            }
        } finally {
            tape.close();
            scope.end();
        }
        for (Layer layer : layers) {
            layer.addRegularizationGradients();
        }
        compiled.lossTracker().update(total, rows);
        updateMetrics();
        optimizer.applyGradients(trainable);
    }

    /** Keras's mask of an output (a sequence model's padding), applied to its loss. */
    private static float[] maskOf(Tensor output) {
        Tensor mask = output.mask();
        return mask == null ? null : mask.data();
    }

    private void forward(boolean training) {
        if (xBatch.length == 1 && predictions.length == 1) {
            predictions[0] = model.call(xBatch[0], training);
        } else {
            List<Tensor> outs = model.call(xBatchView, training);
            for (int k = 0; k < predictions.length; k++) {
                predictions[k] = outs.get(k);
            }
        }
    }

    private void updateMetrics() {
        for (int k = 0; k < heads.length; k++) {
            List<Metric> metrics = heads[k].metrics(yBatch[k].shape(), predictions[k].shape());
            for (int i = 0; i < metrics.size(); i++) {
                metrics.get(i).update(yBatch[k], predictions[k], null);
            }
        }
    }

    Map<String, Double> trainOnBatch(List<Tensor> xs, List<Tensor> ys, float[] sampleWeight) {
        prepare("trainOnBatch", xs, ys, sampleWeight);
        compiled.resetMetrics();
        for (int i = 0; i < xBatch.length; i++) {
            xBatch[i] = xs.get(i);
        }
        for (int k = 0; k < yBatch.length; k++) {
            yBatch[k] = ys.get(k);
        }
        step(sampleWeight);
        return results();
    }

    Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, float[] sampleWeight, int batchSize, int verbose,
                                 List<Callback> user) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("evaluate: batch_size must be > 0, got " + batchSize);
        }
        prepare("evaluate", xs, ys, sampleWeight);
        int samples = xs.get(0).rows();
        int steps = (samples + batchSize - 1) / batchSize;
        CallbackList callbacks = callbacks(model, user, verbose, 1, steps);
        compiled.resetMetrics();
        callbacks.onTestBegin(Map.of());
        Map<String, Double> logs = Map.of();
        for (int step = 0; step < steps; step++) {
            int from = step * batchSize;
            int to = Math.min(samples, from + batchSize);
            callbacks.onTestBatchBegin(step, Map.of());
            for (int i = 0; i < xBatch.length; i++) {
                xBatch[i] = xs.get(i).sliceRows(from, to);
            }
            for (int k = 0; k < yBatch.length; k++) {
                yBatch[k] = ys.get(k).sliceRows(from, to);
            }
            float[] wb = sampleWeight == null ? null : Arrays.copyOfRange(sampleWeight, from, to);
            float total = 0f;
            scope.begin();
            try {
                forward(false);
                for (int k = 0; k < heads.length; k++) {
                    float value = heads[k].loss().compute(yBatch[k], predictions[k], wb, maskOf(predictions[k]), null);
                    heads[k].lossTracker().update(value, to - from);
                    total += heads[k].weight() * value;
                }
                total += regularizationLoss();
                updateMetrics();
            } finally {
                scope.end();
            }
            compiled.lossTracker().update(total, to - from);
            logs = results();
            callbacks.onTestBatchEnd(step, logs);
        }
        callbacks.onTestEnd(logs);
        return compiled.results();
    }

    /** Every output of the model for every sample, computed in batches without recording gradients. */
    static List<Tensor> predict(Model model, List<Tensor> xs, int batchSize, int verbose) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("predict: batch_size must be > 0, got " + batchSize);
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("predict: verbose must be 0, 1 or 2, got " + verbose);
        }
        List<Shape> inputShapes = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            Tensor x = xs.get(i);
            if (x.shape().rank() == 0) {
                throw new IllegalArgumentException("predict: x needs a batch axis, got shape " + x.shape());
            }
            DataChecks.sameLength("predict", xs.get(0), x);
            inputShapes.add(x.shape().withoutBatch());
        }
        model.build(inputShapes);
        int samples = xs.get(0).rows();
        List<Shape> outputShapes = model.outputShapes();
        Tensor[] results = new Tensor[outputShapes.size()];
        for (int k = 0; k < results.length; k++) {
            results[k] = Tensor.zeros(outputShapes.get(k).withBatch(samples));
        }
        boolean single = xs.size() == 1 && results.length == 1;
        int steps = (samples + batchSize - 1) / batchSize;
        CallbackList callbacks = verbose == 0 ? null : callbacks(model, List.of(), verbose, 1, steps);
        if (callbacks != null) {
            callbacks.onPredictBegin(Map.of());
        }
        Tensor[] batch = new Tensor[xs.size()];
        PredictBatches inputs = new PredictBatches(xs);
        StepScope scope = new StepScope();
        // Weights stay unchanged for the whole call, so layers may reuse what they derive from them.
        long outerPass = InferencePass.begin();
        try {
            for (int step = 0; step < steps; step++) {
                int from = step * batchSize;
                int to = Math.min(samples, from + batchSize);
                if (callbacks != null) {
                    callbacks.onPredictBatchBegin(step, Map.of());
                    InferencePass.renew();
                }
                scope.begin();
                try {
                    for (int i = 0; i < batch.length; i++) {
                        batch[i] = inputs.rows(i, from, to, xs.size() == 1 ? "x" : "x[" + i + "]");
                    }
                    List<Tensor> outs = single ? List.of(model.call(batch[0], false)) : model.call(List.of(batch), false);
                    for (int k = 0; k < results.length; k++) {
                        int row = outs.get(k).rowSize();
                        System.arraycopy(outs.get(k).data(), 0, results[k].data(), from * row, (to - from) * row);
                    }
                } finally {
                    scope.end();
                }
                if (callbacks != null) {
                    callbacks.onPredictBatchEnd(step, Map.of());
                    InferencePass.renew();
                }
            }
        } finally {
            InferencePass.end(outerPass);
        }
        if (callbacks != null) {
            callbacks.onPredictEnd(Map.of());
        }
        return List.of(results);
    }

    private float regularizationLoss() {
        float total = 0f;
        for (Layer layer : layers) {
            total += layer.regularizationLoss();
        }
        return total;
    }

    /** The running loss and metrics, keys sorted as Keras's logs. */
    private Map<String, Double> results() {
        return sorted(compiled.results());
    }

    private static Map<String, Double> sorted(Map<String, Double> logs) {
        return SortedLogs.copy(logs);
    }

    private static void shuffle(int[] order, RandomStream random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
