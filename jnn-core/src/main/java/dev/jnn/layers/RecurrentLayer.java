package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurrence shared by {@link SimpleRNN}, {@link LSTM} and {@link GRU} (Keras's {@code RNN} base):
 * sequences {@code [batch, time, features]}, masks, direction, dropout, initial and returned states.
 *
 * <p>Forward: the input projection of every step, {@code x · kernel + bias}, is one SGEMM of
 * {@code [batch·time, features] × [features, k·units]}; each step then runs one SGEMM
 * {@code h · recurrent_kernel} (on the recurrent kernel packed once per call) and the cell's gate math on
 * whole rows, the rows of a step shared among the kernel threads. Backward (BPTT) walks the steps in
 * reverse with one SGEMM per step for the state gradient; the kernel and recurrent-kernel gradients are
 * each one SGEMM over all steps at the end. All buffers live in a per-call object
 * ({@link RecurrentRun}, {@link RecurrentCell}) reused from one training step to the next.
 *
 * <p>Masks ({@code input.mask()}, {@code [batch, time]}, 1 = keep): at a masked step the states carry
 * over unchanged and the output repeats the previous output (zeros before the first kept step), or is
 * zero when {@code zero_output_for_mask}. The output's mask is the input's when
 * {@code return_sequences}, none otherwise.
 *
 * <p>A list call {@code [x, h0 (, c0)]} starts from given states; with {@code return_state} it returns
 * {@code [output, h (, c)]}. The single-input call returns the output alone.
 */
public abstract class RecurrentLayer extends Layer {
    static final Sgemm SGEMM = Kernels.sgemm();
    static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

    private final RecurrentArguments args;
    private final RandomStream random;
    private final PerStep<RecurrentRun> runs = new PerStep<>(() -> new RecurrentRun(this));
    Parameter kernel;
    Parameter recurrentKernel;
    Parameter bias;

    RecurrentLayer(RecurrentArguments args) {
        this.args = args;
        this.random = SeedGenerator.newRandom(args.seed());
    }

    @Override
    public RecurrentLayer named(String newName) {
        super.named(newName);
        return this;
    }

    /** The arguments shared by all recurrent layers. */
    public final RecurrentArguments arguments() {
        return args;
    }

    @Override
    public List<RandomStream> randomStreams() {
        return List.of(random);
    }

    /** Keras's {@code units}. */
    public final int units() {
        return args.units();
    }

    /** The kernel {@code [features, k·units]}, once built. */
    public final Parameter kernel() {
        return kernel;
    }

    /** The recurrent kernel {@code [units, k·units]}, once built. */
    public final Parameter recurrentKernel() {
        return recurrentKernel;
    }

    /** The bias, once built; null without bias. */
    public final Parameter bias() {
        return bias;
    }

    /** k: the number of gate blocks in the kernel's columns (1, 4 or 3). */
    abstract int gateCount();

    /** The number of states: 1 (h) or 2 (h, c). */
    abstract int stateCount();

    /** The bias's shape. */
    Shape biasShape() {
        return Shape.of(gateCount() * args.units());
    }

    /** The bias's initializer. */
    Initializer biasInitializer() {
        return args.biasInitializer();
    }

    /** A cell: the per-step math and its per-call buffers. */
    abstract RecurrentCell newCell();

    /** An unbuilt copy of this layer with other {@code go_backwards} and {@code zero_output_for_mask}. */
    abstract RecurrentLayer copy(boolean goBackwards, boolean zeroOutputForMask);

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
        outputs.get(0).setMask(mask);
        for (int i = 1; i < outputs.size(); i++) {
            outputs.get(i).setMask(null);
        }
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return outputShapes(List.of(inputShape)).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputShapes) {
        Shape sample = inputShapes.get(0);
        InputRank.require(this, sample, 2);
        if (built() && sample.dim(1) != inputShape().dim(1)) {
            throw new IllegalArgumentException("Input of layer \"" + name()
                    + "\" is incompatible with the layer: expected axis -1 of input shape to have value "
                    + inputShape().dim(1) + ", but received input with shape " + sample.toKerasString());
        }
        int given = inputShapes.size() - 1;
        if (given != 0 && given != stateCount()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + stateCount()
                    + " initial state(s) after the sequence, but it received " + given);
        }
        for (int i = 1; i < inputShapes.size(); i++) {
            if (!inputShapes.get(i).equals(Shape.of(args.units()))) {
                throw new IllegalArgumentException("Initial state " + (i - 1) + " of layer \"" + name()
                        + "\" must have shape " + Shape.of(args.units()).toKerasString() + ", got "
                        + inputShapes.get(i).toKerasString());
            }
        }
        List<Shape> out = new ArrayList<>();
        out.add(args.returnSequences() ? Shape.of(sample.dim(0), args.units()) : Shape.of(args.units()));
        if (args.returnState()) {
            for (int k = 0; k < stateCount(); k++) {
                out.add(Shape.of(args.units()));
            }
        }
        return out;
    }

    @Override
    protected void build(List<Shape> inputShapes) {
        int features = inputShapes.get(0).dim(1);
        int width = gateCount() * args.units();
        kernel = addWeight("kernel", Shape.of(features, width), args.kernelInitializer(), true,
                args.kernelRegularizer());
        recurrentKernel = addWeight("recurrent_kernel", Shape.of(args.units(), width), args.recurrentInitializer(),
                true, args.recurrentRegularizer());
        bias = args.useBias()
                ? addWeight("bias", biasShape(), biasInitializer(), true, args.biasRegularizer())
                : null;
    }

    @Override
    protected Tensor forward(Tensor input, boolean training) {
        RecurrentRun run = runs.acquire();
        run.forward(input, null, training);
        return run.outputs.get(0);
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        RecurrentRun run = runs.acquire();
        run.forward(inputs.get(0), inputs.size() > 1 ? inputs : null, training);
        return run.outputs;
    }

    /** The random stream of the dropout masks. */
    final RandomStream random() {
        return random;
    }

    /** The builder settings shared by the recurrent layers, starting from Keras's defaults. */
    public abstract static class Builder<B extends Builder<B>> extends WeightedLayerBuilder<B> {
        final int units;
        Initializer recurrentInitializer = Initializers.get("orthogonal");
        Regularizer recurrentRegularizer;
        float dropout;
        float recurrentDropout;
        Long seed;
        boolean returnSequences;
        boolean returnState;
        boolean goBackwards;
        boolean zeroOutputForMask;

        Builder(int units) {
            super("tanh");
            this.units = units;
        }

        /** The shared arguments set so far. */
        public RecurrentArguments arguments() {
            return new RecurrentArguments(units, activation, useBias, kernelInitializer, recurrentInitializer,
                    biasInitializer, kernelRegularizer, recurrentRegularizer, biasRegularizer, dropout,
                    recurrentDropout, seed, returnSequences, returnState, goBackwards, zeroOutputForMask);
        }

        /** Keras's {@code recurrent_initializer}, by name. */
        public B recurrentInitializer(String name) {
            return recurrentInitializer(Initializers.get(name));
        }

        /** Keras's {@code recurrent_initializer}. */
        public B recurrentInitializer(Initializer initializer) {
            this.recurrentInitializer = initializer;
            return self();
        }

        /** Keras's {@code recurrent_regularizer}. */
        public B recurrentRegularizer(Regularizer regularizer) {
            this.recurrentRegularizer = regularizer;
            return self();
        }

        /** Keras's {@code dropout}: fraction of the inputs dropped in training. */
        public B dropout(float rate) {
            this.dropout = rate;
            return self();
        }

        /** Keras's {@code recurrent_dropout}: fraction of the previous state dropped in training. */
        public B recurrentDropout(float rate) {
            this.recurrentDropout = rate;
            return self();
        }

        /** Keras's {@code seed} of the dropout masks. */
        public B seed(long value) {
            this.seed = value;
            return self();
        }

        /** Keras's {@code return_sequences}. */
        public B returnSequences(boolean value) {
            this.returnSequences = value;
            return self();
        }

        /** Keras's {@code return_state}. */
        public B returnState(boolean value) {
            this.returnState = value;
            return self();
        }

        /** Keras's {@code go_backwards}. */
        public B goBackwards(boolean value) {
            this.goBackwards = value;
            return self();
        }

        /** Keras's {@code zero_output_for_mask}. */
        public B zeroOutputForMask(boolean value) {
            this.zeroOutputForMask = value;
            return self();
        }
    }
}
