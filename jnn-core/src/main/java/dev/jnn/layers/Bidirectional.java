package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's bidirectional wrapper: runs a recurrent layer forward and a copy of it backward
 * ({@code go_backwards} flipped) over the same sequence and merges the two outputs.
 *
 * <p>With {@code return_sequences}, the backward output is put back in time order before merging, and
 * masked steps output zeros ({@code zero_output_for_mask}, forced as Keras does). Merge modes:
 * {@code "concat"} (default, last axis {@code 2·units}), {@code "sum"}, {@code "mul"}, {@code "ave"}, or
 * null for the two outputs as a list. Weights: the forward layer's, then the backward layer's, named
 * {@code forward_<name>} and {@code backward_<name>}. With {@code return_state} a list call returns
 * {@code [output, forward states..., backward states...]}; initial states come the same way.
 *
 * <pre>{@code
 * model.add(new Bidirectional(LSTM.builder(32).returnSequences(true).build()));
 * model.add(new Bidirectional(new GRU(16), "sum"));
 * }</pre>
 */
public final class Bidirectional extends Layer {
    /**
     * Bidirectional's configuration.
     *
     * @param layer     the configuration of the wrapped recurrent layer
     * @param mergeMode "concat", "sum", "mul", "ave", or null for a list of the two outputs
     */
    public record Config(LayerConfig layer, String mergeMode) implements LayerConfig {
        public Config {
            if (!(layer instanceof SimpleRNN.Config || layer instanceof LSTM.Config || layer instanceof GRU.Config)) {
                throw new IllegalArgumentException("Bidirectional: layer must be a SimpleRNN, LSTM or GRU, got " + layer);
            }
            if (mergeMode != null && !List.of("concat", "sum", "mul", "ave").contains(mergeMode)) {
                throw new IllegalArgumentException("Invalid merge mode. Received: " + mergeMode
                        + ". Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}");
            }
        }
    }

    private final Config config;
    private final RecurrentLayer forwardLayer;
    private final RecurrentLayer backwardLayer;
    private final RecurrentArguments args;
    private final PerStep<Merge> merges = new PerStep<>(Merge::new);
    private List<Parameter> weights = List.of();

    /** Wraps {@code layer} with merge mode "concat". */
    public Bidirectional(RecurrentLayer layer) {
        this(layer, "concat");
    }

    /** Wraps {@code layer}; {@code mergeMode} "concat", "sum", "mul", "ave" or null. */
    public Bidirectional(RecurrentLayer layer, String mergeMode) {
        this(new Config(layer.config(), mergeMode), layer.name());
    }

    /** A Bidirectional from a configuration. */
    public Bidirectional(Config config) {
        this(config, null);
    }

    private Bidirectional(Config config, String innerName) {
        this.config = config;
        RecurrentLayer template = switch (config.layer()) {
            case SimpleRNN.Config c -> new SimpleRNN(c);
            case LSTM.Config c -> new LSTM(c);
            case GRU.Config c -> new GRU(c);
            default -> throw new IllegalArgumentException("Bidirectional: unsupported layer " + config.layer());
        };
        this.args = template.arguments();
        String base = innerName != null ? innerName : template.name();
        boolean zeroOutput = args.returnSequences();
        this.forwardLayer = template.copy(args.goBackwards(), zeroOutput);
        this.backwardLayer = template.copy(!args.goBackwards(), zeroOutput);
        forwardLayer.named("forward_" + base);
        backwardLayer.named("backward_" + base);
    }

    @Override
    public Config config() {
        return config;
    }

    /** The layer running in the sequence's direction. */
    public RecurrentLayer forwardLayer() {
        return forwardLayer;
    }

    /** The copy running in the other direction. */
    public RecurrentLayer backwardLayer() {
        return backwardLayer;
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    @Override
    protected Tensor computeMask(Tensor input, Tensor inputMask) {
        return args.returnSequences() ? inputMask : null;
    }

    @Override
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        Tensor mask = args.returnSequences() ? inputs.get(0).mask() : null;
        int merged = config.mergeMode() == null ? 2 : 1;
        for (int i = 0; i < outputs.size(); i++) {
            outputs.get(i).setMask(i < merged ? mask : null);
        }
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return outputShapes(List.of(inputShape)).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputShapes) {
        int states = forwardLayer.stateCount();
        int given = inputShapes.size() - 1;
        if (given != 0 && given != 2 * states) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + 2 * states
                    + " initial states (forward then backward) after the sequence, but it received " + given);
        }
        List<Shape> forwardShapes = forwardLayer.outputShapes(given == 0 ? inputShapes
                : inputShapes.subList(0, 1 + states));
        Shape single = forwardShapes.get(0);
        List<Shape> out = new ArrayList<>();
        if (config.mergeMode() == null) {
            out.add(single);
            out.add(single);
        } else {
            out.add("concat".equals(config.mergeMode()) ? single.withLast(2 * single.dim(-1)) : single);
        }
        if (args.returnState()) {
            for (int i = 0; i < 2 * states; i++) {
                out.add(Shape.of(args.units()));
            }
        }
        return out;
    }

    @Override
    protected void build(List<Shape> inputShapes) {
        int states = forwardLayer.stateCount();
        List<Shape> forwardShapes = inputShapes.size() == 1 ? inputShapes : inputShapes.subList(0, 1 + states);
        forwardLayer.build(forwardShapes, true);
        backwardLayer.build(forwardShapes, true);
        List<Parameter> both = new ArrayList<>(forwardLayer.parameters());
        both.addAll(backwardLayer.parameters());
        weights = List.copyOf(both);
    }

    /** The forward layer's weights, then the backward layer's (Keras's order). */
    @Override
    public List<Parameter> parameters() {
        return weights;
    }

    /** The forward layer's dropout streams, then the backward layer's. */
    @Override
    public List<RandomStream> randomStreams() {
        List<RandomStream> both = new ArrayList<>(forwardLayer.randomStreams());
        both.addAll(backwardLayer.randomStreams());
        return both;
    }

    @Override
    public float regularizationLoss() {
        return forwardLayer.regularizationLoss() + backwardLayer.regularizationLoss();
    }

    @Override
    public void addRegularizationGradients() {
        forwardLayer.addRegularizationGradients();
        backwardLayer.addRegularizationGradients();
    }

    @Override
    protected Tensor forward(Tensor input, boolean training) {
        if (args.returnState()) {
            return forward(List.of(input), training).get(0);
        }
        Merge merge = merges.acquire();
        merge.forward(forwardLayer.call(input, training), backwardLayer.call(input, training));
        return merge.outputs.get(0);
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        int states = forwardLayer.stateCount();
        Tensor x = inputs.get(0);
        List<Tensor> forwardOut;
        List<Tensor> backwardOut;
        if (inputs.size() == 1) {
            forwardOut = forwardLayer.call(inputs, training);
            backwardOut = backwardLayer.call(inputs, training);
        } else {
            List<Tensor> forwardIn = new ArrayList<>(inputs.subList(0, 1 + states));
            List<Tensor> backwardIn = new ArrayList<>();
            backwardIn.add(x);
            backwardIn.addAll(inputs.subList(1 + states, 1 + 2 * states));
            forwardOut = forwardLayer.call(forwardIn, training);
            backwardOut = backwardLayer.call(backwardIn, training);
        }
        Merge merge = merges.acquire();
        merge.forward(forwardOut.get(0), backwardOut.get(0));
        List<Tensor> outputs = merge.outputs;
        if (args.returnState()) {
            outputs.addAll(forwardOut.subList(1, forwardOut.size()));
            outputs.addAll(backwardOut.subList(1, backwardOut.size()));
        }
        return outputs;
    }

    @Override
    public String className() {
        return "Bidirectional";
    }

    /**
     * The merge of the forward output with the backward one (flipped back to time order for sequences),
     * and its backward.
     */
    private final class Merge implements BackwardStep {
        private final List<Tensor> outputs = new ArrayList<>();
        private Tensor forwardY;
        private Tensor backwardY;
        private Tensor merged;
        private Tensor flipped;
        private Shape shape;
        private int batch;
        private int steps;
        private int units;

        void forward(Tensor f, Tensor b) {
            forwardY = f;
            backwardY = b;
            if (!f.shape().equals(shape)) {
                shape = f.shape();
                batch = shape.dim(0);
                steps = shape.rank() == 3 ? shape.dim(1) : 1;
                units = shape.dim(-1);
                String mode = config.mergeMode();
                merged = mode == null ? null
                        : Tensor.zeros("concat".equals(mode) ? shape.withLast(2 * units) : shape);
                flipped = mode == null && shape.rank() == 3 ? Tensor.zeros(shape) : null;
            }
            outputs.clear();
            String mode = config.mergeMode();
            float[] fy = f.data();
            float[] by = b.data();
            if (mode == null) {
                outputs.add(f);
                if (flipped == null) {
                    outputs.add(b);
                    return;
                }
                for (int n = 0; n < batch; n++) {
                    for (int t = 0; t < steps; t++) {
                        System.arraycopy(by, backwardRow(n, t), flipped.data(), row(n, t), units);
                    }
                }
                outputs.add(flipped);
                record(flipped);
                return;
            }
            float[] out = merged.data();
            for (int n = 0; n < batch; n++) {
                for (int t = 0; t < steps; t++) {
                    int fr = row(n, t);
                    int br = backwardRow(n, t);
                    switch (mode) {
                        case "concat" -> {
                            System.arraycopy(fy, fr, out, 2 * fr, units);
                            System.arraycopy(by, br, out, 2 * fr + units, units);
                        }
                        case "sum" -> {
                            for (int j = 0; j < units; j++) {
                                out[fr + j] = fy[fr + j] + by[br + j];
                            }
                        }
                        case "ave" -> {
                            for (int j = 0; j < units; j++) {
                                out[fr + j] = (fy[fr + j] + by[br + j]) / 2f;
                            }
                        }
                        default -> {
                            for (int j = 0; j < units; j++) {
                                out[fr + j] = fy[fr + j] * by[br + j];
                            }
                        }
                    }
                }
            }
            outputs.add(merged);
            record(merged);
        }

        private void record(Tensor out) {
            if (GradientTape.active() != null && (forwardY.requiresGrad() || backwardY.requiresGrad())) {
                GradientTape.active().record(out, this);
            }
        }

        private int row(int n, int t) {
            return (n * steps + t) * units;
        }

        private int backwardRow(int n, int t) {
            return (n * steps + (steps - 1 - t)) * units;
        }

        @Override
        public void backward() {
            String mode = config.mergeMode();
            float[] fy = forwardY.data();
            float[] by = backwardY.data();
            float[] fg = forwardY.grad();
            float[] bg = backwardY.grad();
            float[] g = (mode == null ? flipped : merged).grad();
            for (int n = 0; n < batch; n++) {
                for (int t = 0; t < steps; t++) {
                    int fr = row(n, t);
                    int br = backwardRow(n, t);
                    for (int j = 0; j < units; j++) {
                        if (mode == null) {
                            if (bg != null) {
                                bg[br + j] += g[fr + j];
                            }
                            continue;
                        }
                        float gf;
                        float gb;
                        switch (mode) {
                            case "concat" -> {
                                gf = g[2 * fr + j];
                                gb = g[2 * fr + units + j];
                            }
                            case "sum" -> {
                                gf = g[fr + j];
                                gb = gf;
                            }
                            case "ave" -> {
                                gf = g[fr + j] / 2f;
                                gb = gf;
                            }
                            default -> {
                                gf = g[fr + j] * by[br + j];
                                gb = g[fr + j] * fy[fr + j];
                            }
                        }
                        if (fg != null) {
                            fg[fr + j] += gf;
                        }
                        if (bg != null) {
                            bg[br + j] += gb;
                        }
                    }
                }
            }
        }
    }
}
