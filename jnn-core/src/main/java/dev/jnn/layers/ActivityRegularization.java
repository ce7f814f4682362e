package dev.jnn.layers;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.StepScope;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code ActivityRegularization}: passes its input through and adds
 * {@code (l1·Σ|y| + l2·Σy²) / batch} to the training and evaluation loss, as Keras 3 adds a layer's
 * activity penalty (divided by the batch size). The penalty is reported by {@link #regularizationLoss()}
 * like a weight penalty, and its gradient {@code (l1·sign(y) + 2·l2·y) / batch} joins the input's.
 *
 * <pre>{@code
 * model.add(new ActivityRegularization(0.01, 0));
 * }</pre>
 */
public final class ActivityRegularization extends Layer {
    /**
     * @param l1 weight of the sum of absolute values, &gt;= 0
     * @param l2 weight of the sum of squares, &gt;= 0
     */
    public record Config(double l1, double l2) implements LayerConfig {
        public Config {
            if (!(l1 >= 0) || !(l2 >= 0)) {
                throw new IllegalArgumentException("ActivityRegularization: l1 and l2 must be >= 0, got l1=" + l1
                        + ", l2=" + l2);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private long penaltyStep = Long.MIN_VALUE;
    private float penalty;

    /** Keras's defaults: no penalty. */
    public ActivityRegularization() {
        this(0, 0);
    }

    public ActivityRegularization(double l1, double l2) {
        this(new Config(l1, l2));
    }

    public ActivityRegularization(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        float l1 = (float) config.l1;
        float l2 = (float) config.l2;
        float[] in = x.data();
        double sumAbs = 0;
        double sumSquares = 0;
        for (float v : in) {
            sumAbs += Math.abs(v);
            sumSquares += (double) v * v;
        }
        int batch = x.shape().dim(0);
        float callPenalty = (l1 * (float) sumAbs + l2 * (float) sumSquares) / batch;
        // A layer called several times in one step (shared) adds each call's penalty, as Keras's losses do.
        StepScope scope = StepScope.current();
        long step = scope == null ? Long.MIN_VALUE + 1 : scope.id();
        if (step != penaltyStep || scope == null) {
            penalty = 0f;
            penaltyStep = step;
        }
        penalty += callPenalty;
        if (!GradientTape.isRecording(x)) {
            return x;
        }
        Call call = calls.acquire();
        call.prepare(x);
        System.arraycopy(in, 0, call.y.data(), 0, in.length);
        GradientTape.active().record(call.y, call);
        return call.y;
    }

    /** The activity penalty of the latest step's calls (Keras's {@code layer.losses}). */
    @Override
    public float regularizationLoss() {
        return penalty;
    }

    /** One call's output (a copy, so that its gradient is its own) and backward. */
    private final class Call extends SameShapeCall {
        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            float[] v = x.data();
            float scale = 1f / shape().dim(0);
            float l1 = (float) config.l1 * scale;
            float l2 = 2f * (float) config.l2 * scale;
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] + l1 * Math.signum(v[i]) + l2 * v[i];
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
