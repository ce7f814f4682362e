package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code UnitNormalization}: scales each sample to unit L2 norm along {@code axis} (one axis or
 * several), {@code y = x · min(1/sqrt(Σx²), 1e12)} as Keras's {@code ops.normalize} with
 * {@code epsilon=1e-12}. Training and inference compute the same thing.
 *
 * <pre>{@code
 * model.add(new UnitNormalization());       // axis=-1
 * }</pre>
 */
public final class UnitNormalization extends Layer {
    /** Keras's cap on {@code 1/norm}: {@code 1 / epsilon}. */
    static final float MAX_INVERSE_NORM = 1e12f;

    /** @param axis the axes to normalize over, Keras's numbering with the batch as axis 0 (negative from the end) */
    public record Config(List<Integer> axis) implements LayerConfig {
        public Config {
            axis = List.copyOf(axis);
            if (axis.isEmpty()) {
                throw new IllegalArgumentException("UnitNormalization: axis must name at least one axis");
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private AxisGroups groups;

    /** Keras's default: the last axis. */
    public UnitNormalization() {
        this(-1);
    }

    public UnitNormalization(int... axis) {
        this(new Config(Arrays.stream(axis).boxed().toList()));
    }

    public UnitNormalization(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        reducedAxes(inputShape);
        return inputShape;
    }

    private int[] reducedAxes(Shape sample) {
        int ndim = sample.rank() + 1;
        int[] out = new int[config.axis.size()];
        for (int i = 0; i < out.length; i++) {
            int a = config.axis.get(i);
            if (a >= ndim || a < -ndim) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (UnitNormalization): Axis " + config.axis
                        + " is out of bounds for input shape " + sample.toKerasString());
            }
            int resolved = a < 0 ? a + ndim : a;
            if (resolved == 0) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (UnitNormalization): jnn normalizes within"
                        + " a sample; axis " + a + " is the batch axis of " + sample.toKerasString());
            }
            out[i] = resolved - 1;
        }
        return out;
    }

    @Override
    protected void build(Shape inputShape) {
        groups = AxisGroups.of(inputShape, reducedAxes(inputShape));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        int per = groups.groupOf().length;
        int n = groups.groups();
        float[] in = x.data();
        float[] out = call.y.data();
        float[] inverse = call.inverse;
        Arrays.fill(inverse, 0f);
        double[] sums = call.sums;
        Arrays.fill(sums, 0);
        for (int b = 0; b < call.batch; b++) {
            for (int j = 0; j < per; j++) {
                float v = in[b * per + j];
                sums[b * n + groups.groupOf()[j]] += (double) v * v;
            }
        }
        for (int g = 0; g < sums.length; g++) {
            inverse[g] = Math.min((float) (1.0 / Math.sqrt((float) sums[g])), MAX_INVERSE_NORM);
        }
        for (int b = 0; b < call.batch; b++) {
            for (int j = 0; j < per; j++) {
                out[b * per + j] = in[b * per + j] * inverse[b * n + groups.groupOf()[j]];
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's inverse norms, output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private int batch;
        private float[] inverse;
        private double[] sums;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                batch = shape.dim(0);
                y = Tensor.zeros(shape);
                inverse = new float[batch * groups.groups()];
                sums = new double[batch * groups.groups()];
            }
        }

        /**
         * {@code dx = r·(dy - y·Σ(dy·y))} per group with {@code r = 1/norm}; where the norm was capped,
         * {@code r} is a constant and {@code dx = r·dy}.
         */
        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            float[] out = y.data();
            int per = groups.groupOf().length;
            int n = groups.groups();
            Arrays.fill(sums, 0);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < per; j++) {
                    int i = b * per + j;
                    sums[b * n + groups.groupOf()[j]] += (double) dy[i] * out[i];
                }
            }
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < per; j++) {
                    int i = b * per + j;
                    int g = b * n + groups.groupOf()[j];
                    float r = inverse[g];
                    dx[i] += r == MAX_INVERSE_NORM ? r * dy[i] : (float) (r * (dy[i] - out[i] * sums[g]));
                }
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
