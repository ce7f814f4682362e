package dev.jnn.layers;

import dev.jnn.initializers.Initializers;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code Normalization} preprocessing layer: {@code y = (x - mean) / max(sqrt(variance), ε)}
 * with Keras's ε = 1e-7, one mean and variance per position of the kept {@code axis} (the last by
 * default; an empty list keeps none: one mean for everything). With {@code invert} it undoes that:
 * {@code y = mean + x · max(sqrt(variance), ε)}. Training and inference compute the same thing.
 *
 * <p>The statistics are either given ({@code mean}, {@code variance}: numbers or arrays aligned with
 * the last kept axes, as in Keras; the layer then has no weights) or learned by {@link #adapt}, which
 * stores them in the non-trainable weights {@code mean}, {@code variance} (shape of the kept axes) and
 * {@code count} (a scalar Keras 3 leaves at 0), in Keras's order.
 *
 * <pre>{@code
 * Normalization norm = new Normalization();
 * norm.adapt(trainingFeatures);            // [samples, features]: per-feature mean and population variance
 * model.add(norm);
 * model.add(new Normalization(Normalization.Config.of(-1, BroadcastValues.of(0.5, 1), BroadcastValues.of(4, 9))));
 * }</pre>
 */
public final class Normalization extends Layer {
    /** Keras's {@code backend.epsilon()}, the floor of the standard deviation. */
    static final float EPSILON = 1e-7f;

    /**
     * @param axis     the kept axes, Keras's numbering with the batch as axis 0 (negative from the end);
     *                 empty for Keras's {@code axis=None}
     * @param mean     the given mean, or null to learn it with {@link #adapt}
     * @param variance the given variance, with {@code mean}
     * @param invert   whether to undo the normalization instead
     */
    public record Config(List<Integer> axis, BroadcastValues mean, BroadcastValues variance, boolean invert)
            implements LayerConfig {
        public Config {
            axis = List.copyOf(axis);
            if ((mean == null) != (variance == null)) {
                throw new IllegalArgumentException("Normalization: When setting values directly, both `mean` and "
                        + "`variance` must be set. Received: mean=" + mean + " and variance=" + variance);
            }
            if (mean != null && !mean.shape().equals(variance.shape())) {
                throw new IllegalArgumentException("Normalization: When setting values directly, `mean` and "
                        + "`variance` must have the same shape. Received: mean shape " + mean.shapeString()
                        + " and variance shape " + variance.shapeString());
            }
            if (mean != null && mean.rank() > axis.size()) {
                throw new IllegalArgumentException("Normalization: The rank of `mean` must be less than or equal to "
                        + "the number of axes (" + axis.size() + "). Received: mean shape " + mean.shapeString()
                        + " for axis " + axis);
            }
        }

        /** One kept axis, statistics given (or both null for {@link #adapt}), no inversion. */
        public static Config of(int axis, BroadcastValues mean, BroadcastValues variance) {
            return new Config(List.of(axis), mean, variance, false);
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter mean;       // kept shape, when learned
    private Parameter variance;
    private int[] keptIndex;      // for each element of a sample, its position among the kept axes
    private int[] keepAxes;       // sorted, batch axis = 0
    private float[] givenMean;    // kept size, when given
    private float[] givenVariance;
    private float[] denominator;  // kept size: max(sqrt(variance), ε), refreshed by each call

    /** Keras's defaults: the last axis kept, statistics learned by {@link #adapt}. */
    public Normalization() {
        this(Config.of(-1, null, null));
    }

    public Normalization(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        keptAxes(inputShape);
        return inputShape;
    }

    /** The kept axes of a per-sample shape, sorted, counted with the batch as axis 0. */
    private int[] keptAxes(Shape sample) {
        int ndim = sample.rank() + 1;
        int[] axes = new int[config.axis.size()];
        for (int i = 0; i < axes.length; i++) {
            int a = config.axis.get(i);
            if (a < -ndim || a >= ndim) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (Normalization): All `axis` values must be"
                        + " in the range [-ndim, ndim). Received inputs with ndim=" + ndim + ", while axis="
                        + config.axis + " (input shape " + sample.toKerasString() + ")");
            }
            axes[i] = a < 0 ? a + ndim : a;
            if (axes[i] == 0) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (Normalization): All `axis` values to be"
                        + " kept must have a known shape. Received axis=" + config.axis + ", inputs.shape="
                        + sample.toKerasString() + ", with unknown axis at index 0");
            }
        }
        Arrays.sort(axes);
        return axes;
    }

    @Override
    protected void build(Shape inputShape) {
        keepAxes = keptAxes(inputShape);
        int[] kept = new int[keepAxes.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = inputShape.dim(keepAxes[i] - 1);
        }
        keptIndex = keptIndex(inputShape.dims(), keepAxes);
        int keptSize = Shape.of(kept).size();
        denominator = new float[keptSize];
        if (config.mean == null) {
            mean = addWeight("mean", Shape.of(kept), Initializers.get("zeros"), false, null);
            variance = addWeight("variance", Shape.of(kept), Initializers.get("ones"), false, null);
            addWeight("count", Shape.scalar(), Initializers.get("zeros"), false, null);
        } else {
            givenMean = given("mean", config.mean, kept);
            givenVariance = given("variance", config.variance, kept);
        }
    }

    /** For each element of a sample (row-major), the row-major index of its kept coordinates. */
    private static int[] keptIndex(int[] sample, int[] keepAxes) {
        int size = Shape.of(sample).size();
        int[] out = new int[size];
        int[] index = new int[sample.length];
        for (int flat = 0; flat < size; flat++) {
            int k = 0;
            for (int axis : keepAxes) {
                k = k * sample[axis - 1] + index[axis - 1];
            }
            out[flat] = k;
            for (int a = sample.length - 1; a >= 0; a--) {
                if (++index[a] < sample[a]) {
                    break;
                }
                index[a] = 0;
            }
        }
        return out;
    }

    /**
     * Keras's placement of given statistics: a number is used everywhere; an array's axes line up with
     * the last kept axes and broadcast (size 1) or match them.
     */
    private float[] given(String argument, BroadcastValues values, int[] kept) {
        float[] out = values.expandTo(kept);
        boolean fits = out != null && values.rank() <= kept.length;
        if (!fits) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Normalization): " + argument + " of shape "
                    + values.shapeString() + " cannot be broadcast to the kept axes " + Arrays.toString(kept));
        }
        return out;
    }

    /**
     * Computes the mean and the (population) variance of {@code data} over every axis but the kept
     * ones, as Keras's {@code adapt} does, and stores them in the {@code mean} and {@code variance}
     * weights. {@code data} is a batch {@code [samples, ...]}; the layer is built for its shape if it
     * is not yet.
     */
    public void adapt(Tensor data) {
        if (config.mean != null) {
            throw new IllegalStateException("Normalization \"" + name() + "\": adapt() needs a layer without a given "
                    + "mean and variance");
        }
        Shape sample = data.shape().withoutBatch();
        if (!built()) {
            build(sample, false);
        } else if (!keptDimsMatch(sample)) {
            throw new IllegalArgumentException("Normalization \"" + name() + "\": The layer was built with input_shape="
                    + inputShape().toKerasString() + ", but adapt() is being called with data with an incompatible "
                    + "shape, data.shape=" + data.shape());
        }
        int[] index = sample.equals(inputShape()) ? keptIndex : keptIndex(sample.dims(), keepAxes);
        int kept = mean.size();
        double[] sum = new double[kept];
        long[] count = new long[kept];
        float[] x = data.data();
        int per = index.length;
        for (int i = 0; i < x.length; i++) {
            int k = index[i % per];
            sum[k] += x[i];
            count[k]++;
        }
        double[] sq = new double[kept];
        for (int i = 0; i < x.length; i++) {
            int k = index[i % per];
            double d = x[i] - sum[k] / count[k];
            sq[k] += d * d;
        }
        for (int k = 0; k < kept; k++) {
            mean.value().data()[k] = (float) (sum[k] / count[k]);
            variance.value().data()[k] = (float) (sq[k] / count[k]);
        }
    }

    /** {@link #adapt(Tensor)} for rows of features ({@code [samples, features]}). */
    public void adapt(float[][] data) {
        adapt(Tensor.of(data));
    }

    private boolean keptDimsMatch(Shape sample) {
        if (sample.rank() != inputShape().rank()) {
            return false;
        }
        for (int axis : keepAxes) {
            if (sample.dim(axis - 1) != inputShape().dim(axis - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The mean used (given or learned), one value per kept position. */
    public float[] mean() {
        return (config.mean != null ? givenMean : mean.value().data()).clone();
    }

    /** The variance used (given or learned), one value per kept position. */
    public float[] variance() {
        return (config.mean != null ? givenVariance : variance.value().data()).clone();
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        float[] m = config.mean != null ? givenMean : mean.value().data();
        float[] v = config.mean != null ? givenVariance : variance.value().data();
        for (int k = 0; k < denominator.length; k++) {
            denominator[k] = Math.max((float) Math.sqrt(v[k]), EPSILON);
        }
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int per = keptIndex.length;
        for (int start = 0; start < in.length; start += per) {
            for (int j = 0; j < per; j++) {
                int k = keptIndex[j];
                out[start + j] = config.invert ? m[k] + in[start + j] * denominator[k]
                        : (in[start + j] - m[k]) / denominator[k];
            }
        }
        if (GradientTape.isRecording(x)) {
            call.denominator = call.denominator == null || call.denominator.length != denominator.length
                    ? denominator.clone() : copy(denominator, call.denominator);
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    private static float[] copy(float[] from, float[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }

    /** One call's output and backward: {@code dx += dy / denominator} ({@code · denominator} inverted). */
    private final class Call extends SameShapeCall {
        private float[] denominator;

        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            int per = keptIndex.length;
            for (int start = 0; start < dx.length; start += per) {
                for (int j = 0; j < per; j++) {
                    float d = denominator[keptIndex[j]];
                    dx[start + j] += config.invert ? dy[start + j] * d : dy[start + j] / d;
                }
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
