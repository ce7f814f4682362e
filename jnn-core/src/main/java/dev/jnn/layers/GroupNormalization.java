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
 * Keras's {@code GroupNormalization}: the channels ({@code axis}, the last by default) are split into
 * {@code groups} equal groups, and each sample's values in a group — over the group's channels and
 * every other axis — are normalized with their own mean and biased variance, then scaled and shifted
 * per channel: {@code y = gamma · (x - mean) / sqrt(var + epsilon) + beta}. {@code groups = -1} makes
 * one group per channel (instance normalization). Weights {@code gamma} (ones) then {@code beta}
 * (zeros), one per channel, in Keras's order. Training and inference compute the same thing.
 *
 * <pre>{@code
 * model.add(new GroupNormalization(4));
 * }</pre>
 */
public final class GroupNormalization extends Layer {
    /**
     * @param groups           number of groups, dividing the channels; -1 for one per channel
     * @param axis             Keras axis of the channels (batch axis included), -1 = last
     * @param epsilon          added to the variance, &gt; 0
     * @param center           whether to add {@code beta}
     * @param scale            whether to multiply by {@code gamma}
     * @param betaInitializer  initializer of {@code beta}
     * @param gammaInitializer initializer of {@code gamma}
     * @param betaRegularizer  penalty on {@code beta}, or null
     * @param gammaRegularizer penalty on {@code gamma}, or null
     */
    public record Config(int groups, int axis, float epsilon, boolean center, boolean scale,
                         Initializer betaInitializer, Initializer gammaInitializer,
                         Regularizer betaRegularizer, Regularizer gammaRegularizer) implements LayerConfig {
        public Config {
            if (groups <= 0 && groups != -1) {
                throw new IllegalArgumentException("GroupNormalization: Received an invalid value for argument "
                        + "`groups`, expected a positive integer (or `-1` for instance normalization). Received: "
                        + "groups=" + groups);
            }
            if (axis == 0) {
                throw new IllegalArgumentException("GroupNormalization: axis must not be the batch axis 0");
            }
            if (!(epsilon > 0f)) {
                throw new IllegalArgumentException("GroupNormalization: epsilon must be > 0, got " + epsilon);
            }
            if (betaInitializer == null || gammaInitializer == null) {
                throw new IllegalArgumentException("GroupNormalization: initializers must not be null");
            }
        }

        /** Keras's defaults with {@code groups} groups: axis -1, epsilon 1e-3, center and scale. */
        public static Config of(int groups) {
            return new Config(groups, -1, 1e-3f, true, true, Initializers.get("zeros"), Initializers.get("ones"),
                    null, null);
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter gamma;
    private Parameter beta;
    private int axisIndex;
    private int groups;

    /** Keras's default: 32 groups. */
    public GroupNormalization() {
        this(32);
    }

    public GroupNormalization(int groups) {
        this(Config.of(groups));
    }

    public GroupNormalization(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    /** The number of groups once built ({@code -1} resolved to the channel count), else the configured one. */
    public int groups() {
        return built() ? groups : config.groups;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        ChannelAxis.requireUnchanged(this, config.axis, inputShape, axisIndex);
        int index = ChannelAxis.resolve(name(), config.axis, inputShape);
        int channels = inputShape.dim(index);
        int g = config.groups == -1 ? channels : config.groups;
        if (channels < g) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": Number of groups (" + g + ") cannot be more "
                    + "than the number of channels (" + channels + ") of input shape " + inputShape.toKerasString());
        }
        if (channels % g != 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": Number of groups (" + g + ") must be a "
                    + "multiple of the number of channels (" + channels + ") of input shape "
                    + inputShape.toKerasString());
        }
        return inputShape;
    }

    @Override
    protected void build(Shape inputShape) {
        axisIndex = ChannelAxis.resolve(name(), config.axis, inputShape);
        int channels = inputShape.dim(axisIndex);
        groups = config.groups == -1 ? channels : config.groups;
        Shape shape = Shape.of(channels);
        gamma = config.scale ? addWeight("gamma", shape, config.gammaInitializer, true, config.gammaRegularizer) : null;
        beta = config.center ? addWeight("beta", shape, config.betaInitializer, true, config.betaRegularizer) : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        float[] g = gamma == null ? null : gamma.value().data();
        float[] b = beta == null ? null : beta.value().data();
        int perGroup = call.channels / groups;
        int count = call.before * perGroup * call.after;
        for (int s = 0; s < call.batch; s++) {
            for (int group = 0; group < groups; group++) {
                double sum = 0;
                for (int o = 0; o < call.before; o++) {
                    for (int c = group * perGroup; c < (group + 1) * perGroup; c++) {
                        int start = call.index(s, o, c, 0);
                        for (int i = 0; i < call.after; i++) {
                            sum += in[start + i];
                        }
                    }
                }
                double mean = sum / count;
                double squares = 0;
                for (int o = 0; o < call.before; o++) {
                    for (int c = group * perGroup; c < (group + 1) * perGroup; c++) {
                        int start = call.index(s, o, c, 0);
                        for (int i = 0; i < call.after; i++) {
                            double d = in[start + i] - mean;
                            squares += d * d;
                        }
                    }
                }
                float invStd = (float) (1.0 / Math.sqrt((float) (squares / count) + config.epsilon));
                float m = (float) mean;
                call.invStd[s * groups + group] = invStd;
                for (int o = 0; o < call.before; o++) {
                    for (int c = group * perGroup; c < (group + 1) * perGroup; c++) {
                        // Keras: inv = rsqrt(var + ε)·γ, res = -mean·inv + β, y = x·inv + res (float32).
                        float inv = g == null ? invStd : invStd * g[c];
                        float res = -m * inv + (b == null ? 0f : b[c]);
                        int start = call.index(s, o, c, 0);
                        for (int i = 0; i < call.after; i++) {
                            call.xHat[start + i] = (in[start + i] - m) * invStd;
                            out[start + i] = in[start + i] * inv + res;
                        }
                    }
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
        private int batch;
        private int before;
        private int channels;
        private int after;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                Shape sample = inputShape();
                batch = input.rows();
                before = ChannelAxis.before(sample, axisIndex);
                channels = sample.dim(axisIndex);
                after = ChannelAxis.after(sample, axisIndex);
                y = Tensor.zeros(shape);
                xHat = new float[input.size()];
                invStd = new float[batch * groups];
            }
        }

        int index(int s, int o, int c, int i) {
            return ((s * before + o) * channels + c) * after + i;
        }

        @Override
        public void backward() {
            float[] dy = y.grad();
            float[] g = gamma == null ? null : gamma.value().data();
            ScaleShiftGrads.add(dy, xHat, after, channels, gamma, beta);
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            int perGroup = channels / groups;
            int count = before * perGroup * after;
            for (int s = 0; s < batch; s++) {
                for (int group = 0; group < groups; group++) {
                    // with d = γ·dy: dx = (d - mean(d) - x̂ · mean(d · x̂)) / σ over the group
                    double sumD = 0;
                    double sumDXHat = 0;
                    for (int o = 0; o < before; o++) {
                        for (int c = group * perGroup; c < (group + 1) * perGroup; c++) {
                            int start = index(s, o, c, 0);
                            for (int i = start; i < start + after; i++) {
                                double d = g == null ? dy[i] : (double) g[c] * dy[i];
                                sumD += d;
                                sumDXHat += d * xHat[i];
                            }
                        }
                    }
                    float meanD = (float) (sumD / count);
                    float meanDXHat = (float) (sumDXHat / count);
                    float inv = invStd[s * groups + group];
                    for (int o = 0; o < before; o++) {
                        for (int c = group * perGroup; c < (group + 1) * perGroup; c++) {
                            int start = index(s, o, c, 0);
                            for (int i = start; i < start + after; i++) {
                                float d = g == null ? dy[i] : g[c] * dy[i];
                                dx[i] += inv * (d - meanD - xHat[i] * meanDXHat);
                            }
                        }
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
