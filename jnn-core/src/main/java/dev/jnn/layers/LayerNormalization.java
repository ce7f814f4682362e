package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code LayerNormalization}: each sample's values along {@code axis} (last by default) are
 * normalized with their own mean and biased variance,
 * {@code y = gamma · (x - mean) / sqrt(var + epsilon) + beta}; {@code gamma} (ones) and {@code beta}
 * (zeros) have the size of that axis. Training and inference compute the same thing.
 *
 * <pre>{@code
 * model.add(new LayerNormalization());
 * model.add(new LayerNormalization(LayerNormalization.defaults().withEpsilon(1e-6f)));
 * }</pre>
 */
public final class LayerNormalization extends Layer {
    /**
     * @param axis             Keras axis to normalize over (batch axis included), -1 = last
     * @param epsilon          added to the variance, &gt; 0
     * @param center           whether to add {@code beta}
     * @param scale            whether to multiply by {@code gamma}
     * @param betaInitializer  initializer of {@code beta}
     * @param gammaInitializer initializer of {@code gamma}
     * @param betaRegularizer  penalty on {@code beta}, or null
     * @param gammaRegularizer penalty on {@code gamma}, or null
     */
    public record Config(int axis, float epsilon, boolean center, boolean scale,
                         Initializer betaInitializer, Initializer gammaInitializer,
                         Regularizer betaRegularizer, Regularizer gammaRegularizer) implements LayerConfig {
        public Config {
            if (axis == 0) {
                throw new IllegalArgumentException("LayerNormalization: axis must not be the batch axis 0, got " + axis);
            }
            if (!(epsilon > 0f)) {
                throw new IllegalArgumentException("LayerNormalization: epsilon must be > 0, got " + epsilon);
            }
            if (betaInitializer == null || gammaInitializer == null) {
                throw new IllegalArgumentException("LayerNormalization: initializers must not be null");
            }
        }

        /** This configuration with another epsilon. */
        public Config withEpsilon(float value) {
            return new Config(axis, value, center, scale, betaInitializer, gammaInitializer, betaRegularizer,
                    gammaRegularizer);
        }

        /** This configuration with another axis. */
        public Config withAxis(int value) {
            return new Config(value, epsilon, center, scale, betaInitializer, gammaInitializer, betaRegularizer,
                    gammaRegularizer);
        }

        /** This configuration with center and scale switched on or off. */
        public Config withCenterAndScale(boolean useCenter, boolean useScale) {
            return new Config(axis, epsilon, useCenter, useScale, betaInitializer, gammaInitializer, betaRegularizer,
                    gammaRegularizer);
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter gamma;
    private Parameter beta;
    private int axisIndex;

    /** Keras's defaults: axis -1, epsilon 1e-3, center and scale. */
    public LayerNormalization() {
        this(defaults());
    }

    public LayerNormalization(Config config) {
        this.config = config;
    }

    /** Keras's default configuration, to change with the {@code with...} methods. */
    public static Config defaults() {
        return new Config(-1, 1e-3f, true, true, Initializers.get("zeros"), Initializers.get("ones"), null, null);
    }

    @Override
    public Config config() {
        return config;
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        ChannelAxis.requireUnchanged(this, config.axis, inputShape, axisIndex);
        return inputShape;
    }

    @Override
    protected void build(Shape inputShape) {
        axisIndex = ChannelAxis.resolve(name(), config.axis, inputShape);
        Shape shape = Shape.of(inputShape.dim(axisIndex));
        gamma = config.scale ? addWeight("gamma", shape, config.gammaInitializer, true, config.gammaRegularizer) : null;
        beta = config.center ? addWeight("beta", shape, config.betaInitializer, true, config.betaRegularizer) : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        int n = call.axisSize;
        int inner = call.inner;
        float[] in = x.data();
        float[] xHat = call.xHat;
        float[] out = call.y.data();
        float[] g = gamma == null ? null : gamma.value().data();
        float[] b = beta == null ? null : beta.value().data();
        for (int o = 0; o < call.outer; o++) {
            for (int j = 0; j < inner; j++) {
                int start = o * n * inner + j;
                double sum = 0;
                for (int c = 0, i = start; c < n; c++, i += inner) {
                    sum += in[i];
                }
                double mean = sum / n;
                double squares = 0;
                for (int c = 0, i = start; c < n; c++, i += inner) {
                    double d = in[i] - mean;
                    squares += d * d;
                }
                float invStd = (float) (1.0 / Math.sqrt(squares / n + config.epsilon));
                call.invStd[o * inner + j] = invStd;
                float m = (float) mean;
                for (int c = 0, i = start; c < n; c++, i += inner) {
                    float h = (in[i] - m) * invStd;
                    xHat[i] = h;
                    out[i] = (g == null ? h : g[c] * h) + (b == null ? 0f : b[c]);
                }
            }
        }
        if (GradientTape.isRecording(x, g == null ? null : gamma.value(), b == null ? null : beta.value())) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's buffers and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] xHat;
        private float[] invStd;
        private int outer;
        private int axisSize;
        private int inner;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                Shape sample = inputShape();
                axisSize = sample.dim(axisIndex);
                outer = input.rows() * ChannelAxis.before(sample, axisIndex);
                inner = ChannelAxis.after(sample, axisIndex);
                y = Tensor.zeros(shape);
                xHat = new float[input.size()];
                invStd = new float[outer * inner];
            }
        }

        @Override
        public void backward() {
            float[] dy = y.grad();
            int n = axisSize;
            float[] g = gamma == null ? null : gamma.value().data();
            ScaleShiftGrads.add(dy, xHat, inner, n, gamma, beta);
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < inner; j++) {
                    int start = o * n * inner + j;
                    // with d = γ·dy: dx = (d - mean(d) - x̂ · mean(d · x̂)) / σ
                    double sumD = 0;
                    double sumDXHat = 0;
                    for (int c = 0, i = start; c < n; c++, i += inner) {
                        double d = g == null ? dy[i] : (double) g[c] * dy[i];
                        sumD += d;
                        sumDXHat += d * xHat[i];
                    }
                    float meanD = (float) (sumD / n);
                    float meanDXHat = (float) (sumDXHat / n);
                    float s = invStd[o * inner + j];
                    for (int c = 0, i = start; c < n; c++, i += inner) {
                        float d = g == null ? dy[i] : g[c] * dy[i];
                        dx[i] += s * (d - meanD - xHat[i] * meanDXHat);
                    }
                }
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
