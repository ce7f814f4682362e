package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code Dot}: for each sample, the dot product of two inputs along one axis of each (Keras's
 * {@code batch_dot}). The output keeps the first input's other axes followed by the second's; a
 * result with no axis left is {@code [batch, 1]}. With {@code normalize}, both inputs are first
 * L2-normalized along their axis ({@code x · min(1/‖x‖, 1e7)}), giving the cosine similarity.
 *
 * <p>Axes are counted as in Keras, batch axis 0 (which cannot be used); negative axes count from the
 * end of each input. Each sample's product runs on SGEMM.
 *
 * <pre>{@code
 * Tensor sim = new Dot(1, true).call(List.of(a, b), false).get(0);          // [b, 1] cosine similarity
 * Tensor s = new Dot(new Dot.Config(2, 2, false)).call(List.of(q, k), false).get(0); // [b, Tq, Tk]
 * }</pre>
 */
public final class Dot extends Merge {
    /**
     * @param axis1     axis of the first input (Keras numbering), not 0
     * @param axis2     axis of the second input, not 0
     * @param normalize whether to L2-normalize the inputs along their axes first
     */
    public record Config(int axis1, int axis2, boolean normalize) implements LayerConfig {
        public Config {
            if (axis1 == 0 || axis2 == 0) {
                throw new IllegalArgumentException("Dot: axes cannot include the batch axis 0, got axes=("
                        + axis1 + ", " + axis2 + ")");
            }
        }
    }

    private static final float EPSILON = 1e-7f;

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** The same axis of both inputs, as Keras's {@code Dot(axes=1)}. */
    public Dot(int axes) {
        this(new Config(axes, axes, false));
    }

    /** The same axis of both inputs, optionally normalized (Keras's {@code Dot(axes, normalize)}). */
    public Dot(int axes, boolean normalize) {
        this(new Config(axes, axes, normalize));
    }

    public Dot(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public int inputCount() {
        return 2;
    }

    @Override
    protected boolean supportsMasking() {
        return false;
    }

    /** Keras's {@code Dot.compute_mask} returns no mask. */
    @Override
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        outputs.get(0).setMask(null);
    }

    /** Index in the per-sample shape of Keras axis {@code axis}. */
    private int resolve(int axis, Shape sample, List<Shape> shapes) {
        int rank = sample.rank() + 1;
        int a = axis < 0 ? axis + rank : axis;
        if (a < 1 || a >= rank) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": axis " + axis
                    + " is out of bounds for input shapes " + kerasShapes(shapes));
        }
        return a - 1;
    }

    @Override
    protected Shape mergedShape(List<Shape> shapes) {
        if (shapes.size() != 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": A `Dot` layer should be called on a list"
                    + " of 2 inputs. Received: input_shape=" + kerasShapes(shapes));
        }
        Shape s1 = shapes.get(0);
        Shape s2 = shapes.get(1);
        int a1 = resolve(config.axis1, s1, shapes);
        int a2 = resolve(config.axis2, s2, shapes);
        if (s1.dim(a1) != s2.dim(a2)) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": Incompatible input shapes: axis values "
                    + s1.dim(a1) + " (at axis " + (a1 + 1) + ") != " + s2.dim(a2) + " (at axis " + (a2 + 1)
                    + "). Full input shapes: " + s1.toKerasString() + ", " + s2.toKerasString());
        }
        int[] out = new int[s1.rank() + s2.rank() - 2];
        int o = 0;
        for (int i = 0; i < s1.rank(); i++) {
            if (i != a1) {
                out[o++] = s1.dim(i);
            }
        }
        for (int i = 0; i < s2.rank(); i++) {
            if (i != a2) {
                out[o++] = s2.dim(i);
            }
        }
        return out.length == 0 ? Shape.of(1) : Shape.of(out);
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        Call call = calls.acquire();
        call.prepare(inputs.get(0), inputs.get(1));
        call.forward();
        if (GradientTape.isRecording(call.x1, call.x2, null)) {
            GradientTape.active().record(call.y, call);
        }
        return call.outputs;
    }

    /**
     * One call: {@code p1 [batch, m, k]} is the first input with its axis moved last, {@code p2
     * [batch, k, n]} the second with its axis moved first (both normalized when asked); then
     * {@code y[b] = p1[b] · p2[b]}.
     */
    private final class Call implements BackwardStep {
        private final SliceMatmul matmul = new SliceMatmul();
        private Tensor x1;
        private Tensor x2;
        private Shape shape1;
        private Shape shape2;
        private int batch;
        private int m;
        private int k;
        private int n;
        private int pre1;
        private int post1;
        private int pre2;
        private int post2;
        private float[] p1;
        private float[] p2;
        private float[] inv1;
        private float[] inv2;
        private float[] dp1;
        private float[] dp2;
        private Tensor y;
        private List<Tensor> outputs;

        void prepare(Tensor a, Tensor b) {
            x1 = a;
            x2 = b;
            if (a.shape().equals(shape1) && b.shape().equals(shape2)) {
                return;
            }
            shape1 = a.shape();
            shape2 = b.shape();
            batch = a.rows();
            if (b.rows() != batch) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": Cannot do batch_dot on inputs with"
                        + " different batch sizes. Received inputs with shapes " + shape1 + " and " + shape2);
            }
            Shape s1 = shape1.withoutBatch();
            Shape s2 = shape2.withoutBatch();
            List<Shape> samples = List.of(s1, s2);
            int a1 = resolve(config.axis1, s1, samples);
            int a2 = resolve(config.axis2, s2, samples);
            Shape out = mergedShape(samples);
            k = s1.dim(a1);
            pre1 = ChannelAxis.before(s1, a1);
            post1 = ChannelAxis.after(s1, a1);
            pre2 = ChannelAxis.before(s2, a2);
            post2 = ChannelAxis.after(s2, a2);
            m = pre1 * post1;
            n = pre2 * post2;
            p1 = new float[batch * m * k];
            p2 = new float[batch * k * n];
            dp1 = new float[p1.length];
            dp2 = new float[p2.length];
            inv1 = new float[batch * m];
            inv2 = new float[batch * n];
            y = Tensor.zeros(out.withBatch(batch));
            outputs = List.of(y);
        }

        void forward() {
            // p1[b, (p, q), j] = x1[b, p, j, q]: the contracted axis becomes the last.
            float[] d1 = x1.data();
            for (int b = 0; b < batch; b++) {
                for (int p = 0; p < pre1; p++) {
                    for (int j = 0; j < k; j++) {
                        int src = ((b * pre1 + p) * k + j) * post1;
                        int dst = (b * m + p * post1) * k + j;
                        for (int q = 0; q < post1; q++) {
                            p1[dst + q * k] = d1[src + q];
                        }
                    }
                }
            }
            // p2[b, j, (p, q)] = x2[b, p, j, q]: the contracted axis becomes the first.
            float[] d2 = x2.data();
            for (int b = 0; b < batch; b++) {
                for (int p = 0; p < pre2; p++) {
                    for (int j = 0; j < k; j++) {
                        System.arraycopy(d2, ((b * pre2 + p) * k + j) * post2, p2, (b * k + j) * n + p * post2, post2);
                    }
                }
            }
            if (config.normalize) {
                normalizeRows(p1, inv1, batch * m, k);
                normalizeColumns(p2, inv2);
            }
            float[] out = y.data();
            for (int b = 0; b < batch; b++) {
                matmul.multiply(p1, b * m * k, false, p2, b * k * n, false, out, b * m * n, m, k, n, false);
            }
        }

        @Override
        public void backward() {
            float[] dy = y.grad();
            for (int b = 0; b < batch; b++) {
                if (x1.requiresGrad()) {
                    // dp1[b] (m×k) = dy[b] (m×n) · p2[b]ᵀ
                    matmul.multiply(dy, b * m * n, false, p2, b * k * n, true, dp1, b * m * k, m, n, k, false);
                }
                if (x2.requiresGrad()) {
                    // dp2[b] (k×n) = p1[b]ᵀ · dy[b]
                    matmul.multiply(p1, b * m * k, true, dy, b * m * n, false, dp2, b * k * n, k, m, n, false);
                }
            }
            if (x1.requiresGrad()) {
                if (config.normalize) {
                    normalizeRowsBackward(p1, inv1, dp1, batch * m, k);
                }
                float[] g = x1.grad();
                for (int b = 0; b < batch; b++) {
                    for (int p = 0; p < pre1; p++) {
                        for (int j = 0; j < k; j++) {
                            int dst = ((b * pre1 + p) * k + j) * post1;
                            int src = (b * m + p * post1) * k + j;
                            for (int q = 0; q < post1; q++) {
                                g[dst + q] += dp1[src + q * k];
                            }
                        }
                    }
                }
            }
            if (x2.requiresGrad()) {
                if (config.normalize) {
                    normalizeColumnsBackward(p2, inv2, dp2);
                }
                float[] g = x2.grad();
                for (int b = 0; b < batch; b++) {
                    for (int p = 0; p < pre2; p++) {
                        for (int j = 0; j < k; j++) {
                            int dst = ((b * pre2 + p) * k + j) * post2;
                            int src = (b * k + j) * n + p * post2;
                            for (int q = 0; q < post2; q++) {
                                g[dst + q] += dp2[src + q];
                            }
                        }
                    }
                }
            }
        }

        /** Normalizes each column of every {@code [k, n]} block of p2 (the contracted axis is the rows). */
        private void normalizeColumns(float[] v, float[] inv) {
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < n; c++) {
                    float sum = 0f;
                    for (int j = 0; j < k; j++) {
                        float x = v[(b * k + j) * n + c];
                        sum += x * x;
                    }
                    float s = inverseNorm(sum);
                    inv[b * n + c] = s;
                    for (int j = 0; j < k; j++) {
                        v[(b * k + j) * n + c] *= s;
                    }
                }
            }
        }

        private void normalizeColumnsBackward(float[] v, float[] inv, float[] dv) {
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < n; c++) {
                    float s = inv[b * n + c];
                    if (s >= 1f / EPSILON) {
                        for (int j = 0; j < k; j++) {
                            dv[(b * k + j) * n + c] *= s;
                        }
                        continue;
                    }
                    float dot = 0f;
                    for (int j = 0; j < k; j++) {
                        int i = (b * k + j) * n + c;
                        dot += dv[i] * v[i];
                    }
                    for (int j = 0; j < k; j++) {
                        int i = (b * k + j) * n + c;
                        dv[i] = s * (dv[i] - v[i] * dot);
                    }
                }
            }
        }
    }

    /** Keras's L2 {@code normalize}: {@code x · min(rsqrt(Σx²), 1/ε)}; keeps the factor per row. */
    private static void normalizeRows(float[] v, float[] inv, int rows, int k) {
        for (int r = 0; r < rows; r++) {
            float sum = 0f;
            for (int j = 0; j < k; j++) {
                float x = v[r * k + j];
                sum += x * x;
            }
            float s = inverseNorm(sum);
            inv[r] = s;
            for (int j = 0; j < k; j++) {
                v[r * k + j] *= s;
            }
        }
    }

    /**
     * Backward of {@link #normalizeRows} in place, from the normalized rows {@code u = x·s}: {@code dx =
     * s · (du - u · Σ du·u)}; where the factor was clipped it is a constant and {@code dx = s · du}.
     */
    private static void normalizeRowsBackward(float[] u, float[] inv, float[] du, int rows, int k) {
        for (int r = 0; r < rows; r++) {
            float s = inv[r];
            if (s >= 1f / EPSILON) {
                for (int j = 0; j < k; j++) {
                    du[r * k + j] *= s;
                }
                continue;
            }
            float dot = 0f;
            for (int j = 0; j < k; j++) {
                dot += du[r * k + j] * u[r * k + j];
            }
            for (int j = 0; j < k; j++) {
                du[r * k + j] = s * (du[r * k + j] - u[r * k + j] * dot);
            }
        }
    }

    private static float inverseNorm(float sumOfSquares) {
        return Math.min((float) (1.0 / Math.sqrt(sumOfSquares)), 1f / EPSILON);
    }
}
