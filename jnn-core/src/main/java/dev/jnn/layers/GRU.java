package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.kernels.PackedMatrix;
import dev.jnn.tensor.Shape;

/**
 * Keras's Gated Recurrent Unit (Cho et al. 2014). With {@code x_t · kernel + b_x} split in Keras's
 * order z, r, h and {@code U = recurrent_kernel}:
 * <pre>
 *   z = σ(x_z + h·U_z + b_rz)     r = σ(x_r + h·U_r + b_rr)          (σ = recurrent_activation)
 *   reset_after=True:  hh = g(x_h + r · (h·U_h + b_rh))              (g = activation)
 *   reset_after=False: hh = g(x_h + (r · h)·U_h)
 *   h_t = z · h_{t-1} + (1 - z) · hh
 * </pre>
 * Weights, in Keras's order: {@code kernel [features, 3·units]}, {@code recurrent_kernel [units, 3·units]},
 * {@code bias [2, 3·units]} (input row, recurrent row) when {@code reset_after} (default), else
 * {@code [3·units]}. See {@link RecurrentLayer} for masks, states and directions.
 *
 * <pre>{@code
 * model.add(new GRU(64));
 * model.add(GRU.builder(64).resetAfter(false).returnSequences(true).build());
 * }</pre>
 */
public final class GRU extends RecurrentLayer {
    /**
     * GRU's configuration.
     *
     * @param arguments           the arguments shared by recurrent layers
     * @param recurrentActivation activation of the z and r gates (Keras default sigmoid)
     * @param resetAfter          whether the reset gate applies after the recurrent product (default true)
     */
    public record Config(RecurrentArguments arguments, ActivationFunction recurrentActivation,
                         boolean resetAfter) implements LayerConfig {
        public Config {
            if (arguments == null || recurrentActivation == null) {
                throw new IllegalArgumentException("GRU: arguments and recurrent_activation must not be null");
            }
        }
    }

    private final Config config;

    /** A GRU with Keras's defaults. */
    public GRU(int units) {
        this(builder(units).config());
    }

    /** A GRU from a full configuration. */
    public GRU(Config config) {
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
        return 3;
    }

    @Override
    int stateCount() {
        return 1;
    }

    @Override
    Shape biasShape() {
        int width = 3 * config.arguments().units();
        return config.resetAfter() ? Shape.of(2, width) : Shape.of(width);
    }

    @Override
    RecurrentLayer copy(boolean goBackwards, boolean zeroOutputForMask) {
        RecurrentArguments a = config.arguments().withGoBackwards(goBackwards).withZeroOutputForMask(zeroOutputForMask);
        return new GRU(new Config(a,
                config.recurrentActivation(), config.resetAfter()));
    }

    @Override
    RecurrentCell newCell() {
        return config.resetAfter() ? new ResetAfterCell() : new ResetBeforeCell();
    }

    @Override
    public String className() {
        return "GRU";
    }

    /**
     * What both variants keep per step (time-major, processing order): pre-activations and gate values
     * {@code [z, r, hh]} ({@code [batch, 3·units]}) and the h used by the recurrent product. Every
     * method works on the batch rows {@code [r0, r1)} only (see {@link RecurrentCell}).
     */
    private abstract class GruCell extends RecurrentCell {
        final GateFunction gate = new GateFunction(config.recurrentActivation());
        final GateFunction activation = new GateFunction(config.arguments().activation());
        float[] pre;
        float[] gates;
        float[] hins;

        @Override
        void resize(int newBatch, int newSteps, int newUnits) {
            super.resize(newBatch, newSteps, newUnits);
            int n = batch * units;
            pre = new float[steps * 3 * n];
            gates = new float[steps * 3 * n];
            hins = new float[steps * n];
        }

        @Override
        boolean rowParallel() {
            return gate.threadSafe() && activation.threadSafe();
        }

        /** z and r from their pre-activations in {@code pre} (row-wise). */
        void zrGates(int base, int r0, int r1) {
            int width = 3 * units;
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                gate.forward(pre, row, gates, row, 2 * units);
            }
        }

        /** hh from its pre-activation, then {@code h = z · hPrev + (1 - z) · hh}. */
        void candidate(int base, int r0, int r1, float[] hPrev, float[] h) {
            int width = 3 * units;
            for (int b = r0; b < r1; b++) {
                int row = base + b * width + 2 * units;
                activation.forward(pre, row, gates, row, units);
            }
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int r = b * units;
                for (int j = 0; j < units; j++) {
                    float zj = gates[row + j];
                    h[r + j] = zj * hPrev[r + j] + (1f - zj) * gates[row + 2 * units + j];
                }
            }
        }

        /**
         * From dh: writes d(z pre-activation) into dxw's z block and d(hh pre-activation) into its h block,
         * and adds the carry {@code dh · z} into dhPrev.
         */
        void candidateBackward(int base, int r0, int r1, float[] hPrev, float[] dh, float[] dhPrev, float[] dxw) {
            int width = 3 * units;
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int d = b * width;
                int r = b * units;
                for (int j = 0; j < units; j++) {
                    float zj = gates[row + j];
                    float g = dh[r + j];
                    dxw[d + j] = g * (hPrev[r + j] - gates[row + 2 * units + j]);
                    dxw[d + 2 * units + j] = g * (1f - zj);
                    dhPrev[r + j] += g * zj;
                }
                activation.backward(pre, row + 2 * units, gates, row + 2 * units, dxw, d + 2 * units,
                        dxw, d + 2 * units, units);
            }
        }

        /** Turns dxw's z and r blocks (gradients of the gate values) into pre-activation gradients. */
        void zrBackward(int base, int r0, int r1, float[] dxw) {
            int width = 3 * units;
            for (int b = r0; b < r1; b++) {
                gate.backward(pre, base + b * width, gates, base + b * width, dxw, b * width, dxw, b * width,
                        2 * units);
            }
        }
    }

    /** reset_after=True: one product h·U per step, the recurrent bias row added to it. */
    private final class ResetAfterCell extends GruCell {
        private final PackedMatrix packedU = new PackedMatrix();
        private final PackedMatrix packedUT = new PackedMatrix();
        private float[] recurrentH;
        private float[] dzAll;
        private float[] product;
        private float[] dStep;

        @Override
        void resize(int newBatch, int newSteps, int newUnits) {
            super.resize(newBatch, newSteps, newUnits);
            int n = batch * units;
            recurrentH = new float[steps * n];
            dzAll = new float[steps * 3 * n];
            product = new float[3 * n];
            dStep = new float[3 * n];
        }

        @Override
        void begin() {
            if (weightsMayHaveChanged()) {
                SGEMM.pack(recurrentKernel.value().data(), false, units, 3 * units, packedU);
            }
        }

        @Override
        void beginBackward() {
            SGEMM.pack(recurrentKernel.value().data(), true, 3 * units, units, packedUT);
        }

        @Override
        void forward(int s, int r0, int r1, float[] xw, float[] hin, float[][] prev, float[][] next) {
            int n = batch * units;
            int width = 3 * units;
            int base = s * 3 * n;
            int rows = r1 - r0;
            SGEMM.matmul(hin, r0 * units, packedU, product, r0 * width, rows, false);
            if (bias != null) {
                ELEMENTWISE.addBiasRows(bias.value().data(), width, product, r0 * width, rows, width);
            }
            System.arraycopy(hin, r0 * units, hins, s * n + r0 * units, rows * units);
            for (int b = r0; b < r1; b++) {
                int row = b * width;
                ELEMENTWISE.add(xw, row, product, row, pre, base + row, 2 * units);
                System.arraycopy(product, row + 2 * units, recurrentH, s * n + b * units, units);
            }
            zrGates(base, r0, r1);
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int x = b * width + 2 * units;
                int rh = s * n + b * units;
                for (int j = 0; j < units; j++) {
                    pre[row + 2 * units + j] = xw[x + j] + gates[row + units + j] * recurrentH[rh + j];
                }
            }
            candidate(base, r0, r1, prev[0], next[0]);
        }

        @Override
        void backward(int s, int r0, int r1, float[][] prev, float[][] dNext, float[][] dPrev, float[] dHin,
                      float[] dxw) {
            int n = batch * units;
            int width = 3 * units;
            int base = s * 3 * n;
            int rows = r1 - r0;
            candidateBackward(base, r0, r1, prev[0], dNext[0], dPrev[0], dxw);
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int d = b * width;
                int rh = s * n + b * units;
                for (int j = 0; j < units; j++) {
                    float dPreH = dxw[d + 2 * units + j];
                    dxw[d + units + j] = dPreH * recurrentH[rh + j];
                    dStep[d + 2 * units + j] = dPreH * gates[row + units + j];
                }
            }
            zrBackward(base, r0, r1, dxw);
            for (int b = r0; b < r1; b++) {
                System.arraycopy(dxw, b * width, dStep, b * width, 2 * units);
            }
            System.arraycopy(dStep, r0 * width, dzAll, base + r0 * width, rows * width);
            SGEMM.matmul(dStep, r0 * width, packedUT, dHin, r0 * units, rows, false);
        }

        @Override
        void finish() {
            int width = 3 * units;
            if (recurrentKernel.trainable()) {
                SGEMM.matmulTransposeA(hins, dzAll, recurrentKernel.grad(), units, steps * batch, width, true);
            }
            if (bias != null && bias.trainable()) {
                ELEMENTWISE.columnSums(dzAll, 0, bias.grad(), width, steps * batch, width, true);
            }
        }
    }

    /**
     * reset_after=False: per step {@code h·U_zr} and {@code (r·h)·U_h} on the two column blocks of the
     * recurrent kernel, copied apart and packed once per call.
     */
    private final class ResetBeforeCell extends GruCell {
        private final PackedMatrix packedZr = new PackedMatrix();
        private final PackedMatrix packedH = new PackedMatrix();
        private final PackedMatrix packedZrT = new PackedMatrix();
        private final PackedMatrix packedHT = new PackedMatrix();
        private float[] kernelZr;
        private float[] kernelH;
        private float[] resetH;
        private float[] dzr;
        private float[] dhh;
        private float[] productZr;
        private float[] productH;
        private float[] stepResetH;
        private float[] stepDzr;
        private float[] stepDhh;
        private float[] dResetH;
        private float[] gradZr;
        private float[] gradH;

        @Override
        void resize(int newBatch, int newSteps, int newUnits) {
            super.resize(newBatch, newSteps, newUnits);
            int n = batch * units;
            kernelZr = new float[units * 2 * units];
            kernelH = new float[units * units];
            resetH = new float[steps * n];
            dzr = new float[steps * 2 * n];
            dhh = new float[steps * n];
            productZr = new float[2 * n];
            productH = new float[n];
            stepResetH = new float[n];
            stepDzr = new float[2 * n];
            stepDhh = new float[n];
            dResetH = new float[n];
            gradZr = new float[units * 2 * units];
            gradH = new float[units * units];
        }

        @Override
        void begin() {
            if (!weightsMayHaveChanged()) {
                return;
            }
            float[] u = recurrentKernel.value().data();
            int width = 3 * units;
            for (int i = 0; i < units; i++) {
                System.arraycopy(u, i * width, kernelZr, i * 2 * units, 2 * units);
                System.arraycopy(u, i * width + 2 * units, kernelH, i * units, units);
            }
            SGEMM.pack(kernelZr, false, units, 2 * units, packedZr);
            SGEMM.pack(kernelH, false, units, units, packedH);
        }

        @Override
        void beginBackward() {
            SGEMM.pack(kernelZr, true, 2 * units, units, packedZrT);
            SGEMM.pack(kernelH, true, units, units, packedHT);
        }

        @Override
        void forward(int s, int r0, int r1, float[] xw, float[] hin, float[][] prev, float[][] next) {
            int n = batch * units;
            int width = 3 * units;
            int base = s * 3 * n;
            int at = r0 * units;
            int rows = r1 - r0;
            SGEMM.matmul(hin, at, packedZr, productZr, r0 * 2 * units, rows, false);
            System.arraycopy(hin, at, hins, s * n + at, rows * units);
            for (int b = r0; b < r1; b++) {
                ELEMENTWISE.add(xw, b * width, productZr, b * 2 * units, pre, base + b * width, 2 * units);
            }
            zrGates(base, r0, r1);
            for (int b = r0; b < r1; b++) {
                ELEMENTWISE.multiply(gates, base + b * width + units, hin, b * units, stepResetH, b * units, units);
            }
            System.arraycopy(stepResetH, at, resetH, s * n + at, rows * units);
            SGEMM.matmul(stepResetH, at, packedH, productH, at, rows, false);
            for (int b = r0; b < r1; b++) {
                ELEMENTWISE.add(xw, b * width + 2 * units, productH, b * units, pre, base + b * width + 2 * units,
                        units);
            }
            candidate(base, r0, r1, prev[0], next[0]);
        }

        @Override
        void backward(int s, int r0, int r1, float[][] prev, float[][] dNext, float[][] dPrev, float[] dHin,
                      float[] dxw) {
            int n = batch * units;
            int width = 3 * units;
            int base = s * 3 * n;
            int at = r0 * units;
            int rows = r1 - r0;
            candidateBackward(base, r0, r1, prev[0], dNext[0], dPrev[0], dxw);
            for (int b = r0; b < r1; b++) {
                System.arraycopy(dxw, b * width + 2 * units, stepDhh, b * units, units);
            }
            SGEMM.matmul(stepDhh, at, packedHT, dResetH, at, rows, false);
            int hinBase = s * n;
            for (int b = r0; b < r1; b++) {
                int row = base + b * width;
                int d = b * width;
                int r = b * units;
                for (int j = 0; j < units; j++) {
                    dxw[d + units + j] = dResetH[r + j] * hins[hinBase + r + j];
                    dHin[r + j] = dResetH[r + j] * gates[row + units + j];
                }
            }
            zrBackward(base, r0, r1, dxw);
            for (int b = r0; b < r1; b++) {
                System.arraycopy(dxw, b * width, stepDzr, b * 2 * units, 2 * units);
            }
            SGEMM.matmul(stepDzr, r0 * 2 * units, packedZrT, dHin, at, rows, true);
            System.arraycopy(stepDzr, r0 * 2 * units, dzr, s * 2 * n + r0 * 2 * units, rows * 2 * units);
            System.arraycopy(stepDhh, at, dhh, s * n + at, rows * units);
        }

        @Override
        void finish() {
            if (!recurrentKernel.trainable()) {
                return;
            }
            int rows = steps * batch;
            int width = 3 * units;
            SGEMM.matmulTransposeA(hins, dzr, gradZr, units, rows, 2 * units, false);
            SGEMM.matmulTransposeA(resetH, dhh, gradH, units, rows, units, false);
            float[] g = recurrentKernel.grad();
            for (int i = 0; i < units; i++) {
                ELEMENTWISE.add(g, i * width, gradZr, i * 2 * units, g, i * width, 2 * units);
                ELEMENTWISE.add(g, i * width + 2 * units, gradH, i * units, g, i * width + 2 * units, units);
            }
        }
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends RecurrentLayer.Builder<Builder> {
        private ActivationFunction recurrentActivation = Activations.get("sigmoid");
        private boolean resetAfter = true;

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

        /** Keras's {@code reset_after} (default true). */
        public Builder resetAfter(boolean value) {
            this.resetAfter = value;
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(arguments(), recurrentActivation, resetAfter);
        }

        public GRU build() {
            return new GRU(config());
        }
    }
}
