package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code GaussianDropout}: in training multiplies every input by its own draw from a normal
 * distribution of mean 1 and standard deviation {@code sqrt(rate / (1 - rate))}; at inference it is the
 * identity. The gradient is multiplied by the same draws.
 *
 * <pre>{@code
 * model.add(new GaussianDropout(0.2));
 * }</pre>
 */
public final class GaussianDropout extends Layer {
    /**
     * @param rate the equivalent dropout rate, in [0, 1]
     * @param seed seed of the noise stream, or null for the global stream
     */
    public record Config(double rate, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("GaussianDropout: Invalid value received for argument `rate`. "
                        + "Expected a float value between 0 and 1. Received: rate=" + rate);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final RandomStream random;

    public GaussianDropout(double rate) {
        this(new Config(rate, null));
    }

    public GaussianDropout(Config config) {
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
        if (!training || config.rate == 0) {
            return x;
        }
        Call call = calls.acquire();
        call.prepare(x);
        double stddev = Math.sqrt(config.rate / (1.0 - config.rate));
        float[] in = x.data();
        float[] out = call.y.data();
        for (int i = 0; i < in.length; i++) {
            call.noise[i] = (float) (1.0 + stddev * SeedGenerator.nextGaussian(random));
            out[i] = in[i] * call.noise[i];
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's noise, output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] noise;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                y = Tensor.zeros(shape);
                noise = new float[input.size()];
            }
        }

        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * noise[i];
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
