package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code UpSampling1D}: repeats each step {@code size} times,
 * {@code (steps, features)} → {@code (steps · size, features)}; {@code y[t] = x[t / size]}. The gradient
 * of a step is the sum over its copies.
 *
 * <pre>{@code
 * model.add(new UpSampling1D());          // size=2
 * }</pre>
 */
public final class UpSampling1D extends Layer {
    /** @param size repeats of each step, &gt; 0 */
    public record Config(int size) implements LayerConfig {
        public Config {
            if (size <= 0) {
                throw new IllegalArgumentException("UpSampling1D: Argument `size` should be a positive integer. "
                        + "Received: size=" + size);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** Keras's default: size 2. */
    public UpSampling1D() {
        this(2);
    }

    public UpSampling1D(int size) {
        this(new Config(size));
    }

    public UpSampling1D(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 2);
        return Shape.of(inputShape.dim(0) * config.size, inputShape.dim(1));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int f = call.features;
        int o = 0;
        for (int step = 0; step < call.steps; step++) {
            for (int r = 0; r < config.size; r++) {
                System.arraycopy(in, step * f, out, o, f);
                o += f;
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
        private int steps;      // batch · input steps
        private int features;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                steps = shape.dim(0) * shape.dim(1);
                features = shape.dim(2);
                y = Tensor.zeros(shape.dim(0), shape.dim(1) * config.size, features);
            }
        }

        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            int o = 0;
            for (int step = 0; step < steps; step++) {
                for (int r = 0; r < config.size; r++) {
                    for (int k = 0; k < features; k++) {
                        dx[step * features + k] += dy[o + k];
                    }
                    o += features;
                }
            }
        }
    }
}
