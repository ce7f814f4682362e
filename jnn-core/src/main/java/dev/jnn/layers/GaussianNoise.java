package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code GaussianNoise}: in training adds zero-mean normal noise of standard deviation
 * {@code stddev} to every input; at inference it is the identity. The gradient passes unchanged.
 *
 * <pre>{@code
 * model.add(new GaussianNoise(0.1f));
 * model.add(new GaussianNoise(0.1f, 7L));   // its own seed
 * }</pre>
 */
public final class GaussianNoise extends Layer {
    /**
     * @param stddev standard deviation of the noise, in [0, 1] as Keras requires
     * @param seed   seed of the noise stream, or null for the global stream
     */
    public record Config(float stddev, Long seed) implements LayerConfig {
        public Config {
            if (!(stddev >= 0f && stddev <= 1f)) {
                throw new IllegalArgumentException("GaussianNoise: stddev must be in [0, 1], got " + stddev);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final RandomStream random;

    public GaussianNoise(float stddev) {
        this(new Config(stddev, null));
    }

    public GaussianNoise(float stddev, Long seed) {
        this(new Config(stddev, seed));
    }

    public GaussianNoise(Config config) {
        this.config = config;
        this.random = SeedGenerator.newRandom(config.seed());
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public List<RandomStream> randomStreams() {
        return List.of(random);
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (!training || config.stddev == 0f) {
            return x;
        }
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        double stddev = config.stddev;
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] + (float) (stddev * SeedGenerator.nextGaussian(random));
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and its backward (identity). */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                y = Tensor.zeros(shape);
            }
        }

        @Override
        public void backward() {
            float[] g = x.grad();
            float[] dy = y.grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += dy[i];
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
