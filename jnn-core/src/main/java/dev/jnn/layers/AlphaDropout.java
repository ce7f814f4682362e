package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code AlphaDropout}, the dropout of self-normalizing (SELU) networks: in training each input
 * is kept with probability {@code 1 - rate} or set to SELU's negative saturation
 * {@code α' = -1.6732632·1.0507010}, then {@code y = a·x' + b} with
 * {@code a = ((1 - rate)(1 + rate·α'²))^-1/2} and {@code b = -a·α'·rate}, which keeps the mean and
 * variance. At inference it is the identity. The gradient is {@code a} where kept, 0 elsewhere.
 *
 * <pre>{@code
 * model.add(new AlphaDropout(0.1));
 * }</pre>
 */
public final class AlphaDropout extends Layer {
    private static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double SCALE = 1.0507009873554804934193349852946;

    /**
     * @param rate fraction of inputs to drop, in [0, 1]
     * @param seed seed of the mask stream, or null for the global stream
     */
    public record Config(double rate, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("AlphaDropout: Invalid value received for argument `rate`. "
                        + "Expected a float value between 0 and 1. Received: rate=" + rate);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final RandomStream random;

    public AlphaDropout(double rate) {
        this(new Config(rate, null));
    }

    public AlphaDropout(Config config) {
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
        float[] k = coefficients(config.rate);
        float a = k[0];
        float b = k[1];
        call.a = a;
        float saturation = k[2];
        float[] in = x.data();
        float[] out = call.y.data();
        for (int i = 0; i < in.length; i++) {
            boolean kept = random.nextDouble() >= config.rate;
            call.kept[i] = kept;
            out[i] = a * (kept ? in[i] : saturation) + b;
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** Keras's {@code a}, {@code b} and {@code α'} for a rate: a kept input becomes {@code a·x + b}, a dropped one {@code a·α' + b}. */
    static float[] coefficients(double rate) {
        double alphaP = -ALPHA * SCALE;
        double a = Math.pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
        return new float[] {(float) a, (float) (-a * alphaP * rate), (float) alphaP};
    }

    /** One call's mask, output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private boolean[] kept;
        private float a;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                y = Tensor.zeros(shape);
                kept = new boolean[input.size()];
            }
        }

        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            for (int i = 0; i < dx.length; i++) {
                if (kept[i]) {
                    dx[i] += dy[i] * a;
                }
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
