package dev.jnn.models;

import dev.jnn.callbacks.History;
import dev.jnn.callbacks.TrainingControl;
import dev.jnn.layers.Layer;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.losses.Loss;
import dev.jnn.losses.Losses;
import dev.jnn.metrics.Metric;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.optimizers.Optimizers;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trainable model with Keras's {@code compile}/{@code fit}/{@code evaluate}/{@code predict}.
 *
 * <p>Subclasses define the graph ({@link #layers()}, {@link #call}); everything about training is here
 * and in {@link Trainer}.
 */
public abstract class Model implements TrainingControl {
    private Compiled compiled;
    private Trainer trainer;
    private boolean stopTraining;
    private History history;
    private Layer asLayer;
    // The running fit's shuffling seed and Keras's _initial_epoch (0: none), which BackupAndRestore
    // restores from onTrainBegin; see Trainer.fit.
    private long shuffleSeed;
    private int resumeEpoch;

    /** The layers in order (Keras's {@code model.layers}, without the input layer). */
    public abstract List<Layer> layers();

    /** The model's name, e.g. {@code "sequential"}. */
    public abstract String name();

    /** Runs the model on a batch; records gradients when a tape is open. */
    public abstract Tensor call(Tensor x, boolean training);

    /** The per-sample input shape, or null while unknown. */
    public abstract Shape inputShape();

    /** Builds every layer for a per-sample input shape (no-op when built). */
    public abstract void build(Shape inputShape);

    /** The per-sample output shape; requires a known input shape. */
    public abstract Shape outputShape();

    /** The per-sample shapes of every input, in order; null while unknown. */
    public List<Shape> inputShapes() {
        Shape shape = inputShape();
        return shape == null ? null : List.of(shape);
    }

    /** The per-sample shapes of every output, in order. */
    public List<Shape> outputShapes() {
        return List.of(outputShape());
    }

    /** Keras's {@code output_names}: the names of the layers producing the outputs. */
    public List<String> outputNames() {
        List<Layer> all = layers();
        return List.of(all.isEmpty() ? name() : all.get(all.size() - 1).name());
    }

    /** Builds the model for the per-sample shapes of its inputs. */
    public void build(List<Shape> inputShapes) {
        requireOne("build", inputShapes.size(), "input");
        build(inputShapes.get(0));
    }

    /** Runs the model on one batch per input and returns one batch per output. */
    public List<Tensor> call(List<Tensor> inputs, boolean training) {
        requireOne("call", inputs.size(), "input");
        return List.of(call(inputs.get(0), training));
    }

    final void requireOne(String method, int given, String what) {
        if (given != 1) {
            throw new IllegalArgumentException(method + ": model \"" + name() + "\" has 1 " + what + ", got " + given);
        }
    }

    /**
     * Calls this model like a layer in a functional graph (Keras's {@code model(x)}); every call shares
     * the model's weights.
     */
    public final SymbolicTensor apply(SymbolicTensor... inputs) {
        return asLayer().apply(inputs);
    }

    /** {@link #apply} returning every output of a multi-output model. */
    public final List<SymbolicTensor> applyAll(SymbolicTensor... inputs) {
        return asLayer().applyAll(inputs);
    }

    /** This model seen as a layer, to nest it in another model; always the same layer object. */
    public final Layer asLayer() {
        if (asLayer == null) {
            asLayer = new ModelLayer(this);
        }
        return asLayer;
    }

    /** A functional model from one input to one output (Keras's {@code keras.Model(inputs, outputs)}). */
    public static Functional of(SymbolicTensor input, SymbolicTensor output) {
        return new Functional(List.of(input), List.of(output), null);
    }

    /** A functional model from several inputs to several outputs. */
    public static Functional of(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs) {
        return new Functional(inputs, outputs, null);
    }

    /** The model behind a layer made by {@link #asLayer()}, or null for any other layer. */
    public static Model nestedModel(Layer layer) {
        return layer instanceof ModelLayer nested ? nested.config().model() : null;
    }

    // ---- Keras JSON ----

    /** The architecture as Keras 3's JSON ({@code model.to_json()}); see {@link dev.jnn.io.KerasConfig}. */
    public final String toJson() {
        return dev.jnn.io.KerasConfig.modelToJson(this).toString();
    }

    /** A model from a Keras architecture JSON of any Keras generation; see {@link dev.jnn.io.KerasConfig}. */
    public static Model fromJson(String json) {
        return dev.jnn.io.KerasConfig.modelFromJson(json);
    }

    // ---- Keras files ----

    /**
     * Keras's {@code model.save}: architecture, weights, compile settings and optimizer state, as a
     * {@code .keras} zip or (name ending in {@code .h5}) the legacy HDF5 layout; written atomically.
     * See {@link dev.jnn.io.KerasFiles}.
     */
    public final void save(java.nio.file.Path file) throws java.io.IOException {
        dev.jnn.io.KerasFiles.save(this, file);
    }

    /**
     * Keras's {@code keras.models.load_model}: a {@code .keras} or {@code .h5} file written by Keras 1,
     * 2, 3 or jnn, compiled with its optimizer state when saved so. See {@link dev.jnn.io.KerasFiles}.
     */
    public static Model load(java.nio.file.Path file) throws java.io.IOException {
        return dev.jnn.io.KerasFiles.load(file);
    }

    /** A model from its architecture JSON ({@code model.to_json()}) and a weights file. */
    public static Model load(java.nio.file.Path configJson, java.nio.file.Path weights) throws java.io.IOException {
        return dev.jnn.io.KerasFiles.load(configJson, weights);
    }

    /** Keras's {@code save_weights}: {@code .weights.h5} (Keras 3's layout) or another {@code .h5} (legacy). */
    public final void saveWeights(java.nio.file.Path file) throws java.io.IOException {
        dev.jnn.io.KerasFiles.saveWeights(this, file);
    }

    /** Keras's {@code load_weights} from a {@code .keras}, {@code .weights.h5} or legacy {@code .h5} file. */
    public final void loadWeights(java.nio.file.Path file) throws java.io.IOException {
        dev.jnn.io.KerasFiles.loadWeights(this, file);
    }

    // ---- compile ----

    /** Keras's {@code compile(loss=..., optimizer="rmsprop")}: the default optimizer is RMSprop. */
    public final void compile(String loss) {
        compile(Losses.get(loss), Optimizers.get("rmsprop"));
    }

    /** {@code compile(loss, optimizer, metrics...)} with Keras identifiers ("mse", "adam", "accuracy"). */
    public final void compile(String loss, String optimizer, String... metrics) {
        compile(Losses.get(loss), Optimizers.get(optimizer), metrics);
    }

    /** {@code compile} with a loss and an optimizer given as objects; metrics by name. */
    public final void compile(Loss loss, Optimizer optimizer, String... metrics) {
        compile(CompileOptions.builder().loss(loss).optimizer(optimizer).metrics(metrics).build());
    }

    /** {@code compile(loss="mse", optimizer=Adam(0.01))}: a loss by name and a configured optimizer. */
    public final void compile(String loss, Optimizer optimizer, String... metrics) {
        compile(Losses.get(loss), optimizer, metrics);
    }

    /** {@code compile} with any mix of names and objects. */
    public final void compile(CompileOptions options) {
        this.compiled = new Compiled(options);
        this.trainer = null;
    }

    /** The training loop bound to the current compile (kept, so its buffers are reused). */
    private Trainer trainer(String method) {
        Compiled c = compiled(method);
        if (trainer == null) {
            trainer = new Trainer(this, c);
        }
        return trainer;
    }

    /** Whether {@code compile} has been called. */
    public final boolean isCompiled() {
        return compiled != null;
    }

    final Compiled compiled(String method) {
        if (compiled == null) {
            throw new IllegalStateException("You must call compile() before " + method + "()");
        }
        return compiled;
    }

    /** The arguments of the last {@code compile}, or null before compile. */
    public final CompileOptions compileOptions() {
        return compiled == null ? null : compiled.options();
    }

    /** The compiled optimizer, or null before compile. */
    public final Optimizer optimizer() {
        return compiled == null ? null : compiled.optimizer();
    }

    /** The compiled loss, or null before compile. */
    public final Loss loss() {
        return compiled == null ? null : compiled.loss();
    }

    /** The compiled metrics, resolved once the shapes of y and of the output are known. */
    public final List<Metric> metrics() {
        return compiled == null ? List.of() : compiled.metrics();
    }

    // ---- fit / evaluate / predict ----

    /** Trains for {@code epochs} with every other argument at Keras's default. */
    public final History fit(float[][] x, float[][] y, int epochs) {
        return fit(Tensor.of(x), Tensor.of(y), FitOptions.epochs(epochs));
    }

    /** Trains on double data (converted to float32, as Keras does) for {@code epochs}. */
    public final History fit(double[][] x, double[][] y, int epochs) {
        return fit(Tensor.of(x), Tensor.of(y), FitOptions.epochs(epochs));
    }

    /** Trains on integer class labels (sparse targets) for {@code epochs}. */
    public final History fit(float[][] x, int[] labels, int epochs) {
        return fit(Tensor.of(x), Tensor.ofLabels(labels), FitOptions.epochs(epochs));
    }

    /** Trains with explicit options. */
    public final History fit(float[][] x, float[][] y, FitOptions options) {
        return fit(Tensor.of(x), Tensor.of(y), options);
    }

    /** Trains on integer class labels with explicit options. */
    public final History fit(float[][] x, int[] labels, FitOptions options) {
        return fit(Tensor.of(x), Tensor.ofLabels(labels), options);
    }

    /** Keras's {@code fit}: the one training path everything else calls. */
    public final History fit(Tensor x, Tensor y, FitOptions options) {
        return fit(List.of(x), List.of(y), options);
    }

    /**
     * Trains a model with several inputs or outputs: one tensor per input and one target per output,
     * in the order of the model's inputs and outputs (Keras's {@code fit([x1, x2], [y1, y2])}).
     */
    public final History fit(List<Tensor> xs, List<Tensor> ys, FitOptions options) {
        History h = trainer("fit").fit(xs, ys, options);
        this.history = h;
        return h;
    }

    /** The History of the last fit (Keras's {@code model.history}), or null. */
    public final History history() {
        return history;
    }

    /** Loss and metrics on the given data, batch size 32, with a progress bar (Keras's default). */
    public final Map<String, Double> evaluate(float[][] x, float[][] y) {
        return evaluate(Tensor.of(x), Tensor.of(y), 32, 1);
    }

    /** Loss and metrics with Keras's defaults (batch size 32, progress bar). */
    public final Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, 32, 1);
    }

    /** Loss and metrics on integer-labelled data. */
    public final Map<String, Double> evaluate(float[][] x, int[] labels) {
        return evaluate(Tensor.of(x), Tensor.ofLabels(labels), 32, 1);
    }

    /**
     * Keras's {@code evaluate(..., return_dict=True)}: the loss (with weight penalties) and each
     * metric over the data, in compile order.
     */
    public final Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize, int verbose) {
        return evaluate(List.of(x), List.of(y), batchSize, verbose);
    }

    /** {@code evaluate} for a model with several inputs or outputs; with several outputs the logs hold
     * the total {@code loss}, each {@code <output>_loss} and each {@code <output>_<metric>}. */
    public final Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, int batchSize, int verbose) {
        return trainer("evaluate").evaluate(xs, ys, null, batchSize, verbose, List.of());
    }

    /** Predictions for every row of {@code x}: batches of 32 and a progress bar, as Keras's defaults. */
    public final float[][] predict(float[][] x) {
        return predict(Tensor.of(x), 32, 1).toArray2d();
    }

    /** Predictions for double inputs, with Keras's defaults. */
    public final float[][] predict(double[][] x) {
        return predict(Tensor.of(x), 32, 1).toArray2d();
    }

    /** Predictions for every sample of {@code x}, with Keras's defaults (batch 32, progress bar). */
    public final Tensor predict(Tensor x) {
        return predict(x, 32, 1);
    }

    /** Predictions in batches of {@code batchSize}, silently (no progress bar). */
    public final Tensor predict(Tensor x, int batchSize) {
        return predict(x, batchSize, 0);
    }

    /**
     * Keras's {@code predict(x, batch_size, verbose)}: the outputs for every sample of {@code x},
     * computed in batches without recording gradients; verbose 0 is silent, 1 draws a bar, 2 a line.
     */
    public final Tensor predict(Tensor x, int batchSize, int verbose) {
        List<Tensor> outputs = Trainer.predict(this, List.of(x), batchSize, verbose);
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("predict: model \"" + name() + "\" has " + outputs.size()
                    + " outputs; use predictAll");
        }
        return outputs.get(0);
    }

    /** Predictions of a model with several inputs or outputs: one tensor per output, in order. */
    public final List<Tensor> predictAll(List<Tensor> xs, int batchSize, int verbose) {
        return Trainer.predict(this, xs, batchSize, verbose);
    }

    /** One gradient update on one batch (Keras's {@code train_on_batch}); returns loss and metrics. */
    public final Map<String, Double> trainOnBatch(float[][] x, float[][] y) {
        return trainOnBatch(Tensor.of(x), Tensor.of(y), null);
    }

    /** One gradient update on one batch, optionally sample-weighted; metrics are reset first. */
    public final Map<String, Double> trainOnBatch(Tensor x, Tensor y, float[] sampleWeight) {
        return trainer("trainOnBatch").trainOnBatch(List.of(x), List.of(y), sampleWeight);
    }

    /** {@code train_on_batch} for a model with several inputs or outputs. */
    public final Map<String, Double> trainOnBatch(List<Tensor> xs, List<Tensor> ys, float[] sampleWeight) {
        return trainer("trainOnBatch").trainOnBatch(xs, ys, sampleWeight);
    }

    /**
     * Keras's {@code train_step}: one gradient update on a batch, with no input checks, callbacks or
     * logs (read {@link #metrics()} for those). The model must be built for the batch's shape. In
     * steady state it allocates nothing, which makes it the unit that benchmarks measure.
     */
    public final void trainStep(Tensor x, Tensor y, float[] sampleWeight) {
        trainer("trainStep").trainStep(x, y, sampleWeight);
    }

    // ---- weights ----

    /** Every weight in Keras's {@code model.weights} order: layer by layer, in creation order. */
    public final List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : layers()) {
            all.addAll(layer.parameters());
        }
        return all;
    }

    /** The trainable weights, in model order. */
    public final List<Parameter> trainableParameters() {
        List<Parameter> all = new ArrayList<>();
        for (Parameter p : parameters()) {
            if (p.trainable()) {
                all.add(p);
            }
        }
        return all;
    }

    /** Number of scalar weights. */
    public final int countParams() {
        int n = 0;
        for (Layer layer : layers()) {
            n += layer.countParams();
        }
        return n;
    }

    @Override
    public final List<float[]> getWeights() {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : parameters()) {
            out.add(p.value().data().clone());
        }
        return out;
    }

    @Override
    public final void setWeights(List<float[]> weights) {
        List<Parameter> params = parameters();
        if (weights.size() != params.size()) {
            throw new IllegalArgumentException("setWeights: model \"" + name() + "\" has " + params.size()
                    + " weights, got " + weights.size() + " arrays");
        }
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            float[] w = weights.get(i);
            if (w.length != p.size()) {
                throw new IllegalArgumentException("setWeights: weight " + i + " (" + p.name() + ", shape "
                        + p.shape() + ") needs " + p.size() + " values, got " + w.length);
            }
        }
        for (int i = 0; i < params.size(); i++) {
            float[] w = weights.get(i);
            System.arraycopy(w, 0, params.get(i).value().data(), 0, w.length);
        }
    }

    /**
     * The random streams of every layer, nested models included, in layer order and each once: the
     * live streams, which BackupAndRestore saves and restores beside the weights.
     */
    @Override
    public final List<RandomStream> randomStreams() {
        Set<RandomStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<RandomStream> all = new ArrayList<>();
        for (Layer layer : layers()) {
            for (RandomStream stream : layer.randomStreams()) {
                if (seen.add(stream)) {
                    all.add(stream);
                }
            }
        }
        return all;
    }

    /** Shapes of the weights, in {@link #getWeights()} order. */
    public final List<Shape> weightShapes() {
        return parameters().stream().map(Parameter::shape).toList();
    }

    // ---- TrainingControl ----

    @Override
    public final void setStopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    @Override
    public final boolean stopTraining() {
        return stopTraining;
    }

    @Override
    public final float learningRate() {
        return compiled("learningRate").optimizer().currentLearningRate();
    }

    @Override
    public final void setLearningRate(float learningRate) {
        compiled("setLearningRate").optimizer().setLearningRate(learningRate);
    }

    @Override
    public final List<float[]> getOptimizerWeights() {
        List<float[]> out = new ArrayList<>();
        for (Tensor variable : builtOptimizer("getOptimizerWeights").variables()) {
            out.add(variable.data().clone());
        }
        return out;
    }

    @Override
    public final void setOptimizerWeights(List<float[]> weights) {
        Optimizer optimizer = builtOptimizer("setOptimizerWeights");
        List<Tensor> variables = optimizer.variables();
        if (weights.size() != variables.size()) {
            throw new IllegalArgumentException("setOptimizerWeights: optimizer \"" + optimizer.name() + "\" of model \""
                    + name() + "\" has " + variables.size() + " variables " + optimizer.variableNames() + ", got "
                    + weights.size() + " arrays");
        }
        List<Tensor> values = new ArrayList<>(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            Tensor variable = variables.get(i);
            if (weights.get(i).length != variable.size()) {
                throw new IllegalArgumentException("setOptimizerWeights: variable " + i + " ("
                        + optimizer.variableNames().get(i) + ", shape " + variable.shape() + ") needs "
                        + variable.size() + " values, got " + weights.get(i).length);
            }
            values.add(new Tensor(variable.shape(), weights.get(i).clone()));
        }
        optimizer.setVariables(values);
    }

    /** The compiled optimizer, built for the trainable weights if no step has run yet (as Keras does before loading). */
    private Optimizer builtOptimizer(String method) {
        Optimizer optimizer = compiled(method).optimizer();
        if (!optimizer.built()) {
            optimizer.build(trainableParameters());
        }
        return optimizer;
    }

    @Override
    public final long shuffleSeed() {
        return shuffleSeed;
    }

    @Override
    public final void resumeFrom(int epoch, long shuffleSeed) {
        if (epoch < 0) {
            throw new IllegalArgumentException("resumeFrom: epoch must be >= 0, got " + epoch);
        }
        this.resumeEpoch = epoch;
        this.shuffleSeed = shuffleSeed;
    }

    /** Called by fit before onTrainBegin: a fresh shuffling seed and no resumption asked for yet. */
    final void startFit(long shuffleSeed) {
        this.shuffleSeed = shuffleSeed;
        this.resumeEpoch = 0;
    }

    /** The epoch a callback asked fit to resume at in onTrainBegin, or 0 (Keras's falsy {@code _initial_epoch}). */
    final int resumeEpoch() {
        return resumeEpoch;
    }

    // ---- summary ----

    /** Prints Keras's summary table to standard output. */
    public final void summary() {
        System.out.print(summaryText());
    }

    /** Keras's summary table as text, as wide as Keras would print it on this terminal. */
    public final String summaryText() {
        return ModelSummary.render(this);
    }

    /** Keras's summary table as text, {@code lineLength} characters wide (Keras's {@code line_length}). */
    public final String summaryText(int lineLength) {
        return ModelSummary.render(this, lineLength);
    }

    @Override
    public String toString() {
        return name() + " " + Arrays.toString(layers().stream().map(Layer::name).toArray());
    }
}
