package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recurrence shared by {@link SimpleRNN}, {@link LSTM} and {@link GRU} (Keras's {@code RNN} base):
 * sequences {@code [batch, time, features]}, masks, direction, dropout, initial and returned states.
 *
 * <p>Forward: the input projection of every step, {@code x · kernel + bias}, is one SGEMM of
 * {@code [batch·time, features] × [features, k·units]}; each step then runs one SGEMM
 * {@code h · recurrent_kernel} and the cell's gate math on whole rows. Backward (BPTT) walks the steps in
 * reverse with one SGEMM per step for the state gradient; the kernel and recurrent-kernel gradients are
 * each one SGEMM over all steps at the end. All buffers live in a per-call object reused from one training
 * step to the next.
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
    private final PerStep<Run> runs = new PerStep<>(Run::new);
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
    abstract Cell newCell();

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
        Run run = runs.acquire();
        run.forward(input, null, training);
        return run.outputs.get(0);
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        Run run = runs.acquire();
        run.forward(inputs.get(0), inputs.size() > 1 ? inputs : null, training);
        return run.outputs;
    }

    private boolean parametersNeedGrad() {
        return kernel.trainable() || recurrentKernel.trainable() || (bias != null && bias.trainable());
    }

    /**
     * The per-step math of one recurrent cell and the buffers it keeps between its forward and its
     * backward. Step {@code s} counts in processing order (reversed when {@code go_backwards}).
     */
    abstract class Cell {
        int batch;
        int steps;
        int units;

        /** (Re)allocates buffers for a batch and a number of steps; called when either changes. */
        void resize(int newBatch, int newSteps) {
            this.batch = newBatch;
            this.steps = newSteps;
            this.units = args.units();
        }

        /** Called once per forward, before the first step (e.g. to split weights). */
        void begin() {
        }

        /**
         * Step {@code s}: {@code xw} holds the input projection of the step ({@code [batch, k·units]},
         * input bias included), {@code hin} the previous h as used by the recurrent product (after
         * recurrent dropout); reads the previous states {@code prev[k]} and writes the new ones into
         * {@code next[k]} (each {@code [batch, units]}).
         */
        abstract void forward(int s, float[] xw, float[] hin, float[][] prev, float[][] next);

        /**
         * The backward of step {@code s}: from {@code dNext[k]}, the gradients of the step's new states,
         * adds the gradients of the previous states through the carry into {@code dPrev[k]}, writes the
         * gradient of {@code hin} into {@code dHin} and that of the step's input projection into
         * {@code dxw}. May overwrite {@code dNext}.
         */
        abstract void backward(int s, float[][] prev, float[][] dNext, float[][] dPrev, float[] dHin, float[] dxw);

        /** After the last backward step: adds the recurrent kernel's (and recurrent bias's) gradient. */
        abstract void finish();
    }

    /** One call's buffers, outputs and backward. */
    private final class Run implements BackwardStep {
        private final Cell cell = newCell();
        private final List<Tensor> outputs = new ArrayList<>();
        private int batch = -1;
        private int steps = -1;
        private int features;
        private int width;
        private int units;
        private int stateCount;
        private boolean returnState;

        private Tensor x;
        private List<Tensor> initial;
        private float[] mask;
        /** The input as multiplied by the kernel: x itself, or x after input dropout. */
        private float[] source;
        private float[] droppedInput;
        private boolean inputMaskActive;
        private boolean recurrentMaskActive;
        private float[] inputMask;
        private float[] recurrentMask;
        private float[] hinScratch;
        private float[] xw;
        private float[] xwStep;
        /** stepStates[s][k]: state k before step s; stepStates[s + 1][k] after it. */
        private float[][][] stepStates;
        private float[] out;
        private Tensor y;
        private Tensor[] stateOut;

        private float[] dxw;
        private float[] dxwStep;
        private float[] dHin;
        private float[][] dState;
        private float[][] dCand;
        private float[] dOut;
        private float[] dInput;

        void forward(Tensor input, List<Tensor> inputs, boolean training) {
            prepare(input);
            this.x = input;
            this.initial = inputs;
            this.mask = maskOf(input);
            cell.begin();
            int rows = batch * steps;
            source = input.data();
            boolean dropInputs = training && args.dropout() > 0f;
            if (dropInputs) {
                fillDropoutMask(inputMask, args.dropout());
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < steps; t++) {
                        int at = (b * steps + t) * features;
                        ELEMENTWISE.multiply(source, at, inputMask, b * features, droppedInput, at, features);
                    }
                }
                source = droppedInput;
            }
            SGEMM.matmul(source, kernel.value().data(), xw, rows, features, width, false);
            if (bias != null) {
                ELEMENTWISE.addBiasRows(bias.value().data(), 0, xw, 0, rows, width);
            }
            for (int k = 0; k < stateCount; k++) {
                float[] s0 = stepStates[0][k];
                if (inputs != null) {
                    System.arraycopy(inputs.get(1 + k).data(), 0, s0, 0, s0.length);
                } else {
                    Arrays.fill(s0, 0f);
                }
            }
            boolean dropRecurrent = training && args.recurrentDropout() > 0f;
            if (dropRecurrent) {
                fillDropoutMask(recurrentMask, args.recurrentDropout());
            }
            Arrays.fill(out, 0f);
            float[] yData = y.data();
            for (int s = 0; s < steps; s++) {
                int t = args.goBackwards() ? steps - 1 - s : s;
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(xw, (b * steps + t) * width, xwStep, b * width, width);
                }
                float[] hin = stepStates[s][0];
                if (dropRecurrent) {
                    ELEMENTWISE.multiply(hin, 0, recurrentMask, 0, hinScratch, 0, hin.length);
                    hin = hinScratch;
                }
                cell.forward(s, xwStep, hin, stepStates[s], stepStates[s + 1]);
                applyMask(s, t);
                if (args.returnSequences()) {
                    for (int b = 0; b < batch; b++) {
                        System.arraycopy(out, b * units, yData, (b * steps + s) * units, units);
                    }
                }
            }
            if (!args.returnSequences()) {
                System.arraycopy(out, 0, yData, 0, out.length);
            }
            for (int k = 0; k < stateOut.length; k++) {
                System.arraycopy(stepStates[steps][k], 0, stateOut[k].data(), 0, batch * units);
            }
            recurrentMaskActive = dropRecurrent;
            inputMaskActive = dropInputs;
            if (GradientTape.active() != null && (input.requiresGrad() || parametersNeedGrad() || statesNeedGrad())) {
                for (Tensor s : stateOut) {
                    s.markRequiresGrad();
                    s.zeroGrad();
                }
                GradientTape.active().record(y, this);
            }
        }

        private boolean statesNeedGrad() {
            if (initial == null) {
                return false;
            }
            for (int i = 1; i < initial.size(); i++) {
                if (initial.get(i).requiresGrad()) {
                    return true;
                }
            }
            return false;
        }

        private float[] maskOf(Tensor input) {
            Tensor m = input.mask();
            if (m == null) {
                return null;
            }
            if (m.size() != batch * steps) {
                throw new IllegalArgumentException("Mask of layer \"" + name() + "\" must have shape [" + batch
                        + ", " + steps + "] (batch, time), got " + m.shape());
            }
            return m.data();
        }

        private void fillDropoutMask(float[] target, float rate) {
            float scale = 1f / (1f - rate);
            for (int i = 0; i < target.length; i++) {
                target[i] = random.nextDouble() >= rate ? scale : 0f;
            }
        }

        /** Keeps the previous states (and output) on the rows masked at time {@code t}; updates the output. */
        private void applyMask(int s, int t) {
            float[][] prev = stepStates[s];
            float[][] next = stepStates[s + 1];
            if (mask == null) {
                System.arraycopy(next[0], 0, out, 0, out.length);
                return;
            }
            for (int b = 0; b < batch; b++) {
                int row = b * units;
                if (mask[b * steps + t] != 0f) {
                    System.arraycopy(next[0], row, out, row, units);
                } else {
                    for (int k = 0; k < stateCount; k++) {
                        System.arraycopy(prev[k], row, next[k], row, units);
                    }
                    if (args.zeroOutputForMask()) {
                        Arrays.fill(out, row, row + units, 0f);
                    }
                }
            }
        }

        private void prepare(Tensor input) {
            Shape shape = input.shape();
            if (shape.rank() != 3) {
                throw new IllegalArgumentException("Input of layer \"" + name()
                        + "\" is incompatible with the layer: expected ndim=3, found ndim=" + shape.rank()
                        + ". Full shape received: " + shape);
            }
            int newBatch = shape.dim(0);
            int newSteps = shape.dim(1);
            if (newBatch == batch && newSteps == steps) {
                return;
            }
            batch = newBatch;
            steps = newSteps;
            features = shape.dim(2);
            units = args.units();
            width = gateCount() * units;
            stateCount = stateCount();
            returnState = args.returnState();
            int rows = batch * steps;
            droppedInput = args.dropout() > 0f ? new float[rows * features] : null;
            inputMask = args.dropout() > 0f ? new float[batch * features] : null;
            recurrentMask = args.recurrentDropout() > 0f ? new float[batch * units] : null;
            hinScratch = args.recurrentDropout() > 0f ? new float[batch * units] : null;
            xw = new float[rows * width];
            xwStep = new float[batch * width];
            stepStates = new float[steps + 1][stateCount][batch * units];
            out = new float[batch * units];
            y = Tensor.zeros(args.returnSequences() ? Shape.of(batch, steps, units) : Shape.of(batch, units));
            stateOut = new Tensor[returnState ? stateCount : 0];
            outputs.clear();
            outputs.add(y);
            for (int k = 0; k < stateOut.length; k++) {
                stateOut[k] = Tensor.zeros(batch, units);
                outputs.add(stateOut[k]);
            }
            dxw = new float[rows * width];
            dxwStep = new float[batch * width];
            dHin = new float[batch * units];
            dState = new float[stateCount][batch * units];
            dCand = new float[stateCount][batch * units];
            dOut = new float[batch * units];
            dInput = args.dropout() > 0f ? new float[rows * features] : null;
            cell.resize(batch, steps);
        }

        @Override
        public void backward() {
            float[] yGrad = y.grad();
            Arrays.fill(dOut, 0f);
            for (int k = 0; k < stateCount; k++) {
                float[] g = k < stateOut.length ? stateOut[k].grad() : null;
                if (g != null) {
                    System.arraycopy(g, 0, dState[k], 0, g.length);
                } else {
                    Arrays.fill(dState[k], 0f);
                }
            }
            if (!args.returnSequences()) {
                System.arraycopy(yGrad, 0, dOut, 0, dOut.length);
            }
            for (int s = steps - 1; s >= 0; s--) {
                int t = args.goBackwards() ? steps - 1 - s : s;
                if (args.returnSequences()) {
                    for (int b = 0; b < batch; b++) {
                        ELEMENTWISE.add(dOut, b * units, yGrad, (b * steps + s) * units, dOut, b * units, units);
                    }
                }
                splitGradients(t);
                cell.backward(s, stepStates[s], dCand, dState, dHin, dxwStep);
                if (recurrentMaskActive) {
                    ELEMENTWISE.multiply(dHin, 0, recurrentMask, 0, dHin, 0, dHin.length);
                }
                ELEMENTWISE.add(dState[0], 0, dHin, 0, dState[0], 0, dHin.length);
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(dxwStep, b * width, dxw, (b * steps + t) * width, width);
                }
            }
            if (initial != null) {
                for (int k = 0; k < stateCount; k++) {
                    Tensor s0 = initial.get(1 + k);
                    if (s0.requiresGrad()) {
                        ELEMENTWISE.add(s0.grad(), 0, dState[k], 0, s0.grad(), 0, dState[k].length);
                    }
                }
            }
            cell.finish();
            int rows = batch * steps;
            if (kernel.trainable()) {
                SGEMM.matmulTransposeA(source, dxw, kernel.grad(), features, rows, width, true);
            }
            if (bias != null && bias.trainable()) {
                ELEMENTWISE.columnSums(dxw, 0, bias.grad(), 0, rows, width, true);
            }
            if (x.requiresGrad()) {
                if (inputMaskActive) {
                    SGEMM.matmulTransposeB(dxw, kernel.value().data(), dInput, rows, width, features, false);
                    float[] xGrad = x.grad();
                    for (int b = 0; b < batch; b++) {
                        for (int t = 0; t < steps; t++) {
                            int at = (b * steps + t) * features;
                            ELEMENTWISE.multiply(dInput, at, inputMask, b * features, dInput, at, features);
                        }
                    }
                    ELEMENTWISE.add(xGrad, 0, dInput, 0, xGrad, 0, xGrad.length);
                } else {
                    SGEMM.matmulTransposeB(dxw, kernel.value().data(), x.grad(), rows, width, features, true);
                }
            }
        }

        /**
         * Turns the gradients of the states after step {@code s} (dState) and of its output (dOut) into
         * those of the cell's new states (dCand); masked rows pass theirs on to the previous step instead.
         * Leaves dState at zero on the rows the cell will fill with the previous states' gradients.
         */
        private void splitGradients(int t) {
            float[][] swap = dCand;
            dCand = dState;
            dState = swap;
            for (int k = 0; k < stateCount; k++) {
                Arrays.fill(dState[k], 0f);
            }
            if (mask == null) {
                ELEMENTWISE.add(dCand[0], 0, dOut, 0, dCand[0], 0, dOut.length);
                Arrays.fill(dOut, 0f);
                return;
            }
            for (int b = 0; b < batch; b++) {
                int row = b * units;
                if (mask[b * steps + t] != 0f) {
                    ELEMENTWISE.add(dCand[0], row, dOut, row, dCand[0], row, units);
                    Arrays.fill(dOut, row, row + units, 0f);
                } else {
                    // A masked step copied its states and output forward: their gradients go back unchanged.
                    for (int k = 0; k < stateCount; k++) {
                        System.arraycopy(dCand[k], row, dState[k], row, units);
                        Arrays.fill(dCand[k], row, row + units, 0f);
                    }
                    if (args.zeroOutputForMask()) {
                        Arrays.fill(dOut, row, row + units, 0f);
                    }
                }
            }
        }
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
