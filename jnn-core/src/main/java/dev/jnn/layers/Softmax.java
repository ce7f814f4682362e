package dev.jnn.layers;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Softmax} layer: {@code y_j = exp(x_j - m) / Σ_k exp(x_k - m)} along {@code axis}
 * (last by default, batch axis counted), {@code m} the maximum along that axis.
 *
 * <p>Backward: {@code dx_j = y_j · (dy_j - Σ_k dy_k y_k)}. The last axis runs on the row-wise
 * kernels; another axis uses strided loops.
 *
 * <pre>{@code
 * model.add(new Softmax());      // axis -1
 * model.add(new Softmax(1));     // over the time axis of [batch, time, features]
 * }</pre>
 */
public final class Softmax extends Layer {
    /** @param axis Keras axis (batch axis included), not 0 */
    public record Config(int axis) implements LayerConfig {
        public Config {
            if (axis == 0) {
                throw new IllegalArgumentException("Softmax: axis must not be the batch axis 0, got " + axis);
            }
        }
    }

    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    public Softmax() {
        this(-1);
    }

    public Softmax(int axis) {
        this(new Config(axis));
    }

    public Softmax(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        ChannelAxis.resolve(name(), config.axis, inputShape);
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int n = call.axisSize;
        int inner = call.inner;
        if (inner == 1) {
            ELEMENTWISE.softmaxRows(in, 0, out, 0, call.outer, n);
        } else {
            for (int o = 0; o < call.outer; o++) {
                for (int j = 0; j < inner; j++) {
                    int start = o * n * inner + j;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int c = 0, i = start; c < n; c++, i += inner) {
                        max = Math.max(max, in[i]);
                    }
                    double sum = 0;
                    for (int c = 0, i = start; c < n; c++, i += inner) {
                        float e = (float) Math.exp(in[i] - max);
                        out[i] = e;
                        sum += e;
                    }
                    float inv = (float) (1.0 / sum);
                    for (int c = 0, i = start; c < n; c++, i += inner) {
                        out[i] *= inv;
                    }
                }
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] dx;
        private int outer;
        private int axisSize;
        private int inner;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                Shape sample = shape.withoutBatch();
                int index = ChannelAxis.resolve(name(), config.axis, sample);
                axisSize = sample.dim(index);
                outer = input.rows() * ChannelAxis.before(sample, index);
                inner = ChannelAxis.after(sample, index);
                y = Tensor.zeros(shape);
                dx = new float[input.size()];
            }
        }

        @Override
        public void backward() {
            float[] dy = y.grad();
            float[] out = y.data();
            float[] g = x.grad();
            int n = axisSize;
            if (inner == 1) {
                ELEMENTWISE.softmaxRowsBackward(out, 0, dy, 0, dx, 0, outer, n);
                for (int i = 0; i < dx.length; i++) {
                    g[i] += dx[i];
                }
                return;
            }
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < inner; j++) {
                    int start = o * n * inner + j;
                    double dot = 0;
                    for (int c = 0, i = start; c < n; c++, i += inner) {
                        dot += (double) dy[i] * out[i];
                    }
                    for (int c = 0, i = start; c < n; c++, i += inner) {
                        g[i] += out[i] * (float) (dy[i] - dot);
                    }
                }
            }
        }
    }
}
