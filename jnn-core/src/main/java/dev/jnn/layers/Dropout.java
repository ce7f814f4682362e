package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code Dropout}: in training, zeroes each input with probability {@code rate} and scales the
 * rest by {@code 1 / (1 - rate)}; at inference it is the identity.
 *
 * <pre>{@code
 * model.add(new Dropout(0.2f));          // seeded from the global stream
 * model.add(new Dropout(0.2f, 42L));     // its own seed
 * }</pre>
 */
public final class Dropout extends Layer {
    /**
     * @param rate fraction of inputs to drop, in [0, 1)
     * @param seed seed of the mask stream, or null for the global stream
     */
    public record Config(float rate, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0f && rate < 1f)) {
                throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final RandomStream random;

    public Dropout(float rate) {
        this(new Config(rate, null));
    }

    public Dropout(float rate, Long seed) {
        this(new Config(rate, seed));
    }

    public Dropout(Config config) {
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
        if (!training || config.rate == 0f) {
            return x;
        }
        Call call = calls.acquire();
        call.prepare(x);
        float scale = 1f / (1f - config.rate);
        float[] mask = call.mask;
        float[] out = call.y.data();
        float[] in = x.data();
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() >= config.rate ? scale : 0f;
            out[i] = in[i] * mask[i];
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's mask, output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] mask;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                y = Tensor.zeros(shape);
                mask = new float[input.size()];
            }
        }

        @Override
        public void backward() {
            float[] g = x.grad();
            float[] dy = y.grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += dy[i] * mask[i];
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
