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
 * Keras's {@code BatchNormalization}: {@code y = gamma · (x - mean) / sqrt(var + epsilon) + beta} per
 * channel (the {@code axis}, last by default).
 *
 * <p>In training the mean and the biased variance are those of the batch, taken over every axis but
 * the channel axis, and the moving statistics follow
 * {@code moving = moving · momentum + batch · (1 - momentum)}; the backward runs through the batch
 * statistics. At inference the moving statistics are used. Weights, in Keras's order: {@code gamma}
 * (if scale), {@code beta} (if center), {@code moving_mean}, {@code moving_variance}, each {@code [C]};
 * the last two are not trainable.
 *
 * <pre>{@code
 * model.add(new Dense(64));
 * model.add(new BatchNormalization());
 * model.add(BatchNormalization.builder().momentum(0.9f).epsilon(1e-5f).build());
 * }</pre>
 */
public final class BatchNormalization extends Layer {
    /**
     * @param axis                      Keras axis of the channels (batch axis included), -1 = last
     * @param momentum                  weight of the old moving statistics
     * @param epsilon                   added to the variance, &gt; 0
     * @param center                    whether to add {@code beta}
     * @param scale                     whether to multiply by {@code gamma}
     * @param betaInitializer           initializer of {@code beta}
     * @param gammaInitializer          initializer of {@code gamma}
     * @param movingMeanInitializer     initializer of {@code moving_mean}
     * @param movingVarianceInitializer initializer of {@code moving_variance}
     * @param betaRegularizer           penalty on {@code beta}, or null
     * @param gammaRegularizer          penalty on {@code gamma}, or null
     */
    public record Config(int axis, float momentum, float epsilon, boolean center, boolean scale,
                         Initializer betaInitializer, Initializer gammaInitializer,
                         Initializer movingMeanInitializer, Initializer movingVarianceInitializer,
                         Regularizer betaRegularizer, Regularizer gammaRegularizer) implements LayerConfig {
        public Config {
            if (axis == 0) {
                throw new IllegalArgumentException("BatchNormalization: axis must not be the batch axis 0, got " + axis);
            }
            if (!(epsilon > 0f)) {
                throw new IllegalArgumentException("BatchNormalization: epsilon must be > 0, got " + epsilon);
            }
            if (!Float.isFinite(momentum)) {
                throw new IllegalArgumentException("BatchNormalization: momentum must be finite, got " + momentum);
            }
            if (betaInitializer == null || gammaInitializer == null || movingMeanInitializer == null
                    || movingVarianceInitializer == null) {
                throw new IllegalArgumentException("BatchNormalization: initializers must not be null");
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter gamma;
    private Parameter beta;
    private Parameter movingMean;
    private Parameter movingVariance;
    private int channelIndex;

    /** Keras's defaults: axis -1, momentum 0.99, epsilon 1e-3, center and scale. */
    public BatchNormalization() {
        this(builder().config());
    }

    public BatchNormalization(Config config) {
        this.config = config;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Config config() {
        return config;
    }

    /** {@code gamma}, or null without scale. */
    public Parameter gamma() {
        return gamma;
    }

    /** {@code beta}, or null without center. */
    public Parameter beta() {
        return beta;
    }

    public Parameter movingMean() {
        return movingMean;
    }

    public Parameter movingVariance() {
        return movingVariance;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        ChannelAxis.requireUnchanged(this, config.axis, inputShape, channelIndex);
        return inputShape;
    }

    @Override
    protected void build(Shape inputShape) {
        channelIndex = ChannelAxis.resolve(name(), config.axis, inputShape);
        Shape shape = Shape.of(inputShape.dim(channelIndex));
        gamma = config.scale ? addWeight("gamma", shape, config.gammaInitializer, true, config.gammaRegularizer) : null;
        beta = config.center ? addWeight("beta", shape, config.betaInitializer, true, config.betaRegularizer) : null;
        movingMean = addWeight("moving_mean", shape, config.movingMeanInitializer, false, null);
        movingVariance = addWeight("moving_variance", shape, config.movingVarianceInitializer, false, null);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x, training);
        int channels = call.channels;
        int outer = call.outer;
        int inner = call.inner;
        float[] in = x.data();
        float[] mean = call.mean;
        float[] invStd = call.invStd;
        if (training) {
            batchStatistics(in, outer, channels, inner, mean, call.variance, call.sumDy);
            updateMovingStatistics(mean, call.variance);
            for (int c = 0; c < channels; c++) {
                invStd[c] = (float) (1.0 / Math.sqrt((double) call.variance[c] + config.epsilon));
            }
        } else {
            float[] mm = movingMean.value().data();
            float[] mv = movingVariance.value().data();
            for (int c = 0; c < channels; c++) {
                mean[c] = mm[c];
                invStd[c] = (float) (1.0 / Math.sqrt((double) mv[c] + config.epsilon));
            }
        }
        float[] g = gamma == null ? null : gamma.value().data();
        float[] b = beta == null ? null : beta.value().data();
        float[] xHat = call.xHat;
        float[] out = call.y.data();
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < channels; c++) {
                float m = mean[c];
                float s = invStd[c];
                float scale = g == null ? 1f : g[c];
                float shift = b == null ? 0f : b[c];
                int base = (o * channels + c) * inner;
                for (int i = base; i < base + inner; i++) {
                    float h = (in[i] - m) * s;
                    xHat[i] = h;
                    out[i] = scale * h + shift;
                }
            }
        }
        if (GradientTape.isRecording(x, g == null ? null : gamma.value(), b == null ? null : beta.value())) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** Mean and biased variance per channel, accumulated in double (two passes). */
    private static void batchStatistics(float[] in, int outer, int channels, int inner, float[] mean, float[] variance,
                                        double[] sums) {
        double count = (double) outer * inner;
        java.util.Arrays.fill(sums, 0);
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < channels; c++) {
                int base = (o * channels + c) * inner;
                double s = 0;
                for (int i = base; i < base + inner; i++) {
                    s += in[i];
                }
                sums[c] += s;
            }
        }
        for (int c = 0; c < channels; c++) {
            mean[c] = (float) (sums[c] / count);
            sums[c] = 0;
        }
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < channels; c++) {
                int base = (o * channels + c) * inner;
                double m = mean[c];
                double s = 0;
                for (int i = base; i < base + inner; i++) {
                    double d = in[i] - m;
                    s += d * d;
                }
                sums[c] += s;
            }
        }
        for (int c = 0; c < channels; c++) {
            variance[c] = (float) (sums[c] / count);
        }
    }

    private void updateMovingStatistics(float[] mean, float[] variance) {
        float momentum = config.momentum;
        float[] mm = movingMean.value().data();
        float[] mv = movingVariance.value().data();
        for (int c = 0; c < mm.length; c++) {
            mm[c] = mm[c] * momentum + mean[c] * (1f - momentum);
            mv[c] = mv[c] * momentum + variance[c] * (1f - momentum);
        }
    }

    /** One call's buffers and backward; {@code xHat} is the normalized input. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] xHat;
        private float[] mean;
        private float[] variance;
        private float[] invStd;
        private double[] sumDy;
        private double[] sumDyXHat;
        private boolean training;
        private int outer;
        private int channels;
        private int inner;

        void prepare(Tensor input, boolean trainingMode) {
            this.x = input;
            this.training = trainingMode;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                Shape sample = inputShape();
                channels = sample.dim(channelIndex);
                outer = input.rows() * ChannelAxis.before(sample, channelIndex);
                inner = ChannelAxis.after(sample, channelIndex);
                y = Tensor.zeros(shape);
                xHat = new float[input.size()];
                mean = new float[channels];
                variance = new float[channels];
                invStd = new float[channels];
                sumDy = new double[channels];
                sumDyXHat = new double[channels];
            }
        }

        @Override
        public void backward() {
            float[] dy = y.grad();
            java.util.Arrays.fill(sumDy, 0);
            java.util.Arrays.fill(sumDyXHat, 0);
            for (int o = 0; o < outer; o++) {
                for (int c = 0; c < channels; c++) {
                    int base = (o * channels + c) * inner;
                    double s = 0;
                    double sh = 0;
                    for (int i = base; i < base + inner; i++) {
                        s += dy[i];
                        sh += (double) dy[i] * xHat[i];
                    }
                    sumDy[c] += s;
                    sumDyXHat[c] += sh;
                }
            }
            if (gamma != null && gamma.trainable()) {
                float[] dg = gamma.grad();
                for (int c = 0; c < channels; c++) {
                    dg[c] += (float) sumDyXHat[c];
                }
            }
            if (beta != null && beta.trainable()) {
                float[] db = beta.grad();
                for (int c = 0; c < channels; c++) {
                    db[c] += (float) sumDy[c];
                }
            }
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            float[] g = gamma == null ? null : gamma.value().data();
            double count = (double) outer * inner;
            for (int o = 0; o < outer; o++) {
                for (int c = 0; c < channels; c++) {
                    float factor = (g == null ? 1f : g[c]) * invStd[c];
                    int base = (o * channels + c) * inner;
                    if (training) {
                        // d/dx of the batch statistics: dx = γ/σ · (dy - mean(dy) - x̂ · mean(dy · x̂))
                        float meanDy = (float) (sumDy[c] / count);
                        float meanDyXHat = (float) (sumDyXHat[c] / count);
                        for (int i = base; i < base + inner; i++) {
                            dx[i] += factor * (dy[i] - meanDy - xHat[i] * meanDyXHat);
                        }
                    } else {
                        for (int i = base; i < base + inner; i++) {
                            dx[i] += factor * dy[i];
                        }
                    }
                }
            }
        }
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder {
        private int axis = -1;
        private float momentum = 0.99f;
        private float epsilon = 1e-3f;
        private boolean center = true;
        private boolean scale = true;
        private Initializer betaInitializer = Initializers.get("zeros");
        private Initializer gammaInitializer = Initializers.get("ones");
        private Initializer movingMeanInitializer = Initializers.get("zeros");
        private Initializer movingVarianceInitializer = Initializers.get("ones");
        private Regularizer betaRegularizer;
        private Regularizer gammaRegularizer;

        private Builder() {
        }

        public Builder axis(int value) {
            this.axis = value;
            return this;
        }

        public Builder momentum(float value) {
            this.momentum = value;
            return this;
        }

        public Builder epsilon(float value) {
            this.epsilon = value;
            return this;
        }

        public Builder center(boolean value) {
            this.center = value;
            return this;
        }

        public Builder scale(boolean value) {
            this.scale = value;
            return this;
        }

        public Builder betaInitializer(Initializer value) {
            this.betaInitializer = value;
            return this;
        }

        public Builder gammaInitializer(Initializer value) {
            this.gammaInitializer = value;
            return this;
        }

        public Builder movingMeanInitializer(Initializer value) {
            this.movingMeanInitializer = value;
            return this;
        }

        public Builder movingVarianceInitializer(Initializer value) {
            this.movingVarianceInitializer = value;
            return this;
        }

        public Builder betaRegularizer(Regularizer value) {
            this.betaRegularizer = value;
            return this;
        }

        public Builder gammaRegularizer(Regularizer value) {
            this.gammaRegularizer = value;
            return this;
        }

        public Config config() {
            return new Config(axis, momentum, epsilon, center, scale, betaInitializer, gammaInitializer,
                    movingMeanInitializer, movingVarianceInitializer, betaRegularizer, gammaRegularizer);
        }

        public BatchNormalization build() {
            return new BatchNormalization(config());
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
