package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.LstmGates;
import dev.jnn.kernels.PackedMatrix;
import dev.jnn.tensor.Shape;
import java.util.Map;

/**
 * Keras's Long Short-Term Memory layer (Hochreiter 1997). With {@code z = x_t · kernel + h_{t-1} ·
 * recurrent_kernel + bias} split into four blocks in Keras's order i, f, c, o:
 * <pre>
 *   i = σ(z_i)   f = σ(z_f)   o = σ(z_o)        (σ = recurrent_activation, sigmoid by default)
 *   c_t = f · c_{t-1} + i · g(z_c)             (g = activation, tanh by default)
 *   h_t = o · g(c_t)
 * </pre>
 * Weights, in Keras's order: {@code kernel [features, 4·units]}, {@code recurrent_kernel [units, 4·units]},
 * {@code bias [4·units]}; with {@code unit_forget_bias} (default) the forget block of the bias starts at 1.
 * States {@code [h, c]}; see {@link RecurrentLayer} for masks, states and directions.
 *
 * <pre>{@code
 * model.add(new LSTM(64));
 * model.add(LSTM.builder(64).returnSequences(true).dropout(0.2f).build());
 * }</pre>
 */
public final class LSTM extends RecurrentLayer {
    /**
     * LSTM's configuration.
     *
     * @param arguments           the arguments shared by recurrent layers
     * @param recurrentActivation activation of the i, f and o gates (Keras default sigmoid)
     * @param unitForgetBias      whether the forget gate's bias starts at 1
     */
    public record Config(RecurrentArguments arguments, ActivationFunction recurrentActivation,
                         boolean unitForgetBias) implements LayerConfig {
        public Config {
            if (arguments == null || recurrentActivation == null) {
                throw new IllegalArgumentException("LSTM: arguments and recurrent_activation must not be null");
            }
        }
    }

    private static final LstmGates GATES = ElementwiseKernels.lstmGates();

    private final Config config;

    /** An LSTM with Keras's defaults. */
    public LSTM(int units) {
        this(builder(units).config());
    }

    /** An LSTM from a full configuration. */
    public LSTM(Config config) {
        super(config.arguments());
        this.config = config;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    int gateCount() {
        return 4;
    }

    @Override
    int stateCount() {
        return 2;
    }

    @Override
    Initializer biasInitializer() {
        Initializer base = config.arguments().biasInitializer();
        if (!config.unitForgetBias()) {
            return base;
        }
        int units = config.arguments().units();
        // Keras initializes the four blocks separately: i and (c, o) with the bias initializer, f with ones.
        return new Initializer() {
            @Override
            public String name() {
                return base.name();
            }

            @Override
            public void initialize(Shape shape, float[] out) {
                float[] i = new float[units];
                float[] co = new float[2 * units];
                base.initialize(Shape.of(units), i);
                base.initialize(Shape.of(2 * units), co);
                System.arraycopy(i, 0, out, 0, units);
                java.util.Arrays.fill(out, units, 2 * units, 1f);
                System.arraycopy(co, 0, out, 2 * units, 2 * units);
            }

            @Override
            public Map<String, Object> config() {
                return base.config();
            }
        };
    }

    @Override
    RecurrentLayer copy(boolean goBackwards, boolean zeroOutputForMask) {
        RecurrentArguments a = config.arguments().withGoBackwards(goBackwards).withZeroOutputForMask(zeroOutputForMask);
        return new LSTM(new Config(a,
                config.recurrentActivation(), config.unitForgetBias()));
    }

    @Override
    RecurrentCell newCell() {
        return new LstmCell();
    }

    @Override
    public String className() {
        return "LSTM";
    }

    /**
     * Keeps per step (time-major, processing order): the pre-activations z and gate values
     * {@code [i, f, g(z_c), o]} ({@code [batch, 4·units]}), c, {@code g(c)}, the h used by the product and
     * the pre-activation gradients. The forward's activations go through {@link GateFunction} range by
     * range. With Keras's default activations (sigmoid, tanh) a step's backward is one fused pass
     * ({@link LstmGates}); otherwise it goes through GateFunction as well.
     *
     * <p>Why the forward is not fused too: a fused pass holds two sigmoid and two tanh loops, each
     * VectorMath function inlined in full; in one compiled method that exceeded C2's inlining node budget
     * (NodeCountInliningCutoff, JDK 25) and left vector calls un-inlined, which boxed every vector
     * (hundreds of MB per lstm_train epoch); the element-wise kernels keep one copy of each per method.
     */
    private final class LstmCell extends RecurrentCell {
        private final GateFunction gate = new GateFunction(config.recurrentActivation());
        private final GateFunction activation = new GateFunction(config.arguments().activation());
        private final boolean fused = gate.isSigmoid() && activation.isTanh();
        private final PackedMatrix packedU = new PackedMatrix();
        private final PackedMatrix packedUT = new PackedMatrix();
        private float[] pre;
        private float[] gates;
        private float[] cells;
        private float[] tanhC;
        private float[] hins;
        private float[] dzAll;
        private float[] z;
        private float[] dTanhC;

        @Override
        void resize(int newBatch, int newSteps, int newUnits) {
            super.resize(newBatch, newSteps, newUnits);
            int n = batch * units;
            pre = new float[steps * 4 * n];
            gates = new float[steps * 4 * n];
            cells = new float[steps * n];
            tanhC = new float[steps * n];
            hins = new float[steps * n];
            dzAll = new float[steps * 4 * n];
            z = new float[4 * n];
            dTanhC = fused ? null : new float[n];
        }

        @Override
        void begin() {
            if (weightsMayHaveChanged()) {
                SGEMM.pack(recurrentKernel.value().data(), false, units, 4 * units, packedU);
            }
        }

        @Override
        void beginBackward() {
            SGEMM.pack(recurrentKernel.value().data(), true, 4 * units, units, packedUT);
        }

        @Override
        boolean rowParallel() {
            return gate.threadSafe() && activation.threadSafe();
        }

        @Override
        void forward(int s, int r0, int r1, float[] xw, float[] hin, float[][] prev, float[][] next) {
            int n = batch * units;
            int width = 4 * units;
            int at = r0 * units;
            int rows = r1 - r0;
            int stepAt = s * n + at;
            SGEMM.matmul(hin, at, packedU, z, r0 * width, rows, false);
            System.arraycopy(hin, at, hins, stepAt, rows * units);
            int base = s * 4 * n;
            ELEMENTWISE.add(z, r0 * width, xw, r0 * width, pre, base + r0 * width, rows * width);
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                gate.forward(pre, row, gates, row, 2 * units);
                activation.forward(pre, row + 2 * units, gates, row + 2 * units, units);
                gate.forward(pre, row + 3 * units, gates, row + 3 * units, units);
            }
            float[] cPrev = prev[1];
            float[] c = next[1];
            int cBase = s * n;
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int r = b * units;
                for (int j = 0; j < units; j++) {
                    float value = gates[row + units + j] * cPrev[r + j] + gates[row + j] * gates[row + 2 * units + j];
                    c[r + j] = value;
                    cells[cBase + r + j] = value;
                }
            }
            activation.forward(cells, stepAt, tanhC, stepAt, rows * units);
            float[] h = next[0];
            for (int b = r0; b < r1; b++) {
                int row = base + b * width + 3 * units;
                int r = b * units;
                for (int j = 0; j < units; j++) {
                    h[r + j] = gates[row + j] * tanhC[cBase + r + j];
                }
            }
        }

        @Override
        void backward(int s, int r0, int r1, float[][] prev, float[][] dNext, float[][] dPrev, float[] dHin,
                      float[] dxw) {
            int n = batch * units;
            int width = 4 * units;
            int base = s * 4 * n;
            int at = r0 * units;
            int rows = r1 - r0;
            if (fused) {
                GATES.backward(dNext[0], at, dNext[1], at, gates, base + r0 * width, tanhC, s * n + at, prev[1], at,
                        dzAll, base + r0 * width, dPrev[1], at, rows, units);
                System.arraycopy(dzAll, base + r0 * width, dxw, r0 * width, rows * width);
            } else {
                unfusedBackward(s, r0, r1, prev, dNext, dPrev, dxw);
                System.arraycopy(dxw, r0 * width, dzAll, base + r0 * width, rows * width);
            }
            SGEMM.matmul(dzAll, base + r0 * width, packedUT, dHin, at, rows, false);
        }

        private void unfusedBackward(int s, int r0, int r1, float[][] prev, float[][] dNext, float[][] dPrev,
                                     float[] dxw) {
            int n = batch * units;
            int width = 4 * units;
            int base = s * 4 * n;
            int cBase = s * n;
            float[] dh = dNext[0];
            float[] dc = dNext[1];
            float[] cPrev = prev[1];
            float[] dcPrev = dPrev[1];
            for (int b = r0; b < r1; b++) {
                int row = base + b * width + 3 * units;
                int r = b * units;
                for (int j = 0; j < units; j++) {
                    dxw[b * width + 3 * units + j] = dh[r + j] * tanhC[cBase + r + j];
                    dTanhC[r + j] = dh[r + j] * gates[row + j];
                }
            }
            int at = r0 * units;
            activation.backward(cells, cBase + at, tanhC, cBase + at, dTanhC, at, dTanhC, at, (r1 - r0) * units);
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int d = b * width;
                int r = b * units;
                for (int j = 0; j < units; j++) {
                    float dcTotal = dc[r + j] + dTanhC[r + j];
                    dxw[d + j] = dcTotal * gates[row + 2 * units + j];
                    dxw[d + units + j] = dcTotal * cPrev[r + j];
                    dxw[d + 2 * units + j] = dcTotal * gates[row + j];
                    dcPrev[r + j] += dcTotal * gates[row + units + j];
                }
            }
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int d = b * width;
                gate.backward(pre, row, gates, row, dxw, d, dxw, d, 2 * units);
                activation.backward(pre, row + 2 * units, gates, row + 2 * units, dxw, d + 2 * units,
                        dxw, d + 2 * units, units);
                gate.backward(pre, row + 3 * units, gates, row + 3 * units, dxw, d + 3 * units,
                        dxw, d + 3 * units, units);
            }
        }

        @Override
        void finish() {
            if (recurrentKernel.trainable()) {
                SGEMM.matmulTransposeA(hins, dzAll, recurrentKernel.grad(), units, steps * batch, 4 * units, true);
            }
        }
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends RecurrentLayer.Builder<Builder> {
        private ActivationFunction recurrentActivation = Activations.get("sigmoid");
        private boolean unitForgetBias = true;

        private Builder(int units) {
            super(units);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Keras's {@code recurrent_activation}, by name (default sigmoid). */
        public Builder recurrentActivation(String name) {
            this.recurrentActivation = Activations.get(name);
            return this;
        }

        /** Keras's {@code recurrent_activation}. */
        public Builder recurrentActivation(ActivationFunction function) {
            this.recurrentActivation = function;
            return this;
        }

        /** Keras's {@code unit_forget_bias} (default true). */
        public Builder unitForgetBias(boolean value) {
            this.unitForgetBias = value;
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(arguments(), recurrentActivation, unitForgetBias);
        }

        public LSTM build() {
            return new LSTM(config());
        }
    }
}
