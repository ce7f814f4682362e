package dev.jnn.layers;

import dev.jnn.kernels.PackedMatrix;

/**
 * Keras's fully connected recurrent layer: {@code h_t = activation(x_t · kernel + h_{t-1} · recurrent_kernel + bias)},
 * the output being {@code h}.
 *
 * <p>Weights, in Keras's order: {@code kernel [features, units]} (glorot_uniform),
 * {@code recurrent_kernel [units, units]} (orthogonal), {@code bias [units]} (zeros). Input
 * {@code [batch, time, features]}; see {@link RecurrentLayer} for masks, states and directions.
 *
 * <pre>{@code
 * model.add(new SimpleRNN(32));
 * model.add(SimpleRNN.builder(32).returnSequences(true).activation("relu").build());
 * }</pre>
 */
public final class SimpleRNN extends RecurrentLayer {
    /**
     * SimpleRNN's configuration.
     *
     * @param arguments the arguments shared by recurrent layers
     */
    public record Config(RecurrentArguments arguments) implements LayerConfig {
        public Config {
            if (arguments == null) {
                throw new IllegalArgumentException("SimpleRNN: arguments must not be null");
            }
        }
    }

    private final Config config;

    /** A SimpleRNN with Keras's defaults. */
    public SimpleRNN(int units) {
        this(builder(units).config());
    }

    /** A SimpleRNN from a full configuration. */
    public SimpleRNN(Config config) {
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
        return 1;
    }

    @Override
    int stateCount() {
        return 1;
    }

    @Override
    RecurrentLayer copy(boolean goBackwards, boolean zeroOutputForMask) {
        RecurrentArguments a = config.arguments().withGoBackwards(goBackwards).withZeroOutputForMask(zeroOutputForMask);
        return new SimpleRNN(new Config(a));
    }

    @Override
    RecurrentCell newCell() {
        return new SimpleCell();
    }

    @Override
    public String className() {
        return "SimpleRNN";
    }

    /** h = f(z), z = xw + hin·U; keeps z (when f needs it) and h of every step. */
    private final class SimpleCell extends RecurrentCell {
        private final GateFunction activation = new GateFunction(config.arguments().activation());
        private final PackedMatrix packedU = new PackedMatrix();
        private final PackedMatrix packedUT = new PackedMatrix();
        private float[] pre;
        private float[] act;
        private float[] hins;
        private float[] dz;
        private float[] z;

        @Override
        void resize(int newBatch, int newSteps, int newUnits) {
            super.resize(newBatch, newSteps, newUnits);
            int n = batch * units;
            pre = new float[steps * n];
            act = new float[steps * n];
            hins = new float[steps * n];
            dz = new float[steps * n];
            z = new float[n];
        }

        @Override
        void begin() {
            if (weightsMayHaveChanged()) {
                SGEMM.pack(recurrentKernel.value().data(), false, units, units, packedU);
            }
        }

        @Override
        void beginBackward() {
            SGEMM.pack(recurrentKernel.value().data(), true, units, units, packedUT);
        }

        @Override
        boolean rowParallel() {
            return activation.threadSafe();
        }

        @Override
        void forward(int s, int r0, int r1, float[] xw, float[] hin, float[][] prev, float[][] next) {
            int at = r0 * units;
            int length = (r1 - r0) * units;
            int stepAt = s * batch * units + at;
            SGEMM.matmul(hin, at, packedU, z, at, r1 - r0, false);
            ELEMENTWISE.add(z, at, xw, at, z, at, length);
            System.arraycopy(z, at, pre, stepAt, length);
            System.arraycopy(hin, at, hins, stepAt, length);
            activation.forward(z, at, act, stepAt, length);
            System.arraycopy(act, stepAt, next[0], at, length);
        }

        @Override
        void backward(int s, int r0, int r1, float[][] prev, float[][] dNext, float[][] dPrev, float[] dHin,
                      float[] dxw) {
            int at = r0 * units;
            int length = (r1 - r0) * units;
            int stepAt = s * batch * units + at;
            activation.backward(pre, stepAt, act, stepAt, dNext[0], at, dxw, at, length);
            System.arraycopy(dxw, at, dz, stepAt, length);
            SGEMM.matmul(dxw, at, packedUT, dHin, at, r1 - r0, false);
        }

        @Override
        void finish() {
            if (recurrentKernel.trainable()) {
                SGEMM.matmulTransposeA(hins, dz, recurrentKernel.grad(), units, steps * batch, units, true);
            }
        }
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends RecurrentLayer.Builder<Builder> {
        private Builder(int units) {
            super(units);
        }

        @Override
        Builder self() {
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(arguments());
        }

        public SimpleRNN build() {
            return new SimpleRNN(config());
        }
    }
}
