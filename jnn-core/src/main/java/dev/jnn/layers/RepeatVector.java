package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code RepeatVector}: repeats each sample's vector {@code n} times, {@code (features)} →
 * {@code (n, features)}. The gradient of the vector is the sum over the copies.
 *
 * <pre>{@code
 * model.add(new RepeatVector(3));
 * }</pre>
 */
public final class RepeatVector extends Layer {
    /** @param n number of copies, &gt; 0 */
    public record Config(int n) implements LayerConfig {
        public Config {
            if (n <= 0) {
                throw new IllegalArgumentException("RepeatVector: n must be > 0, got " + n);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    public RepeatVector(int n) {
        this(new Config(n));
    }

    public RepeatVector(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 1);
        return Shape.of(config.n, inputShape.dim(0));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int f = x.rowSize();
        int o = 0;
        for (int b = 0; b < x.rows(); b++) {
            for (int r = 0; r < config.n; r++, o += f) {
                System.arraycopy(in, b * f, out, o, f);
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

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                y = Tensor.zeros(outputShape(shape.withoutBatch()).withBatch(shape.dim(0)));
            }
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            float[] dy = y.grad();
            int f = x.rowSize();
            int o = 0;
            for (int b = 0; b < x.rows(); b++) {
                for (int r = 0; r < config.n; r++, o += f) {
                    for (int k = 0; k < f; k++) {
                        dx[b * f + k] += dy[o + k];
                    }
                }
            }
        }
    }

    @Override
    public String className() {
        return "RepeatVector";
    }
}
