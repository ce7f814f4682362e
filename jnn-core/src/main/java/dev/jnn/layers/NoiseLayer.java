package dev.jnn.layers;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * The body of the element-wise noise layers ({@link Dropout}, {@link GaussianDropout},
 * {@link AlphaDropout}, {@link GaussianNoise}): identity at inference, masks pass through, and in
 * training each input element gets its own draw from the layer's seeded stream. A subclass writes only
 * its formula ({@link #perturb}); the output buffer, the per-element gradient factors and the backward
 * {@code dx += dy · slope} are kept here, per call, so a steady-state step allocates nothing.
 */
abstract class NoiseLayer extends Layer {
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final boolean slopeIsOne;
    /** The layer's draws; subclasses read it in {@link #perturb}. */
    final RandomStream random;

    /**
     * @param seed       seed of the stream, or null for the global stream
     * @param slopeIsOne true when the gradient passes unchanged (additive noise), so no slopes are kept
     */
    NoiseLayer(Long seed, boolean slopeIsOne) {
        this.random = SeedGenerator.newRandom(seed);
        this.slopeIsOne = slopeIsOne;
    }

    /** Whether training changes the input at all (a rate or stddev of 0 makes it the identity). */
    abstract boolean active();

    /**
     * Writes one training call's output and, unless the slope is one, each element's {@code dy/dx}.
     *
     * @param slope null when the constructor said {@code slopeIsOne}
     */
    abstract void perturb(float[] in, float[] out, float[] slope);

    @Override
    public final List<RandomStream> randomStreams() {
        return List.of(random);
    }

    @Override
    public final Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected final Tensor forward(Tensor x, boolean training) {
        if (!training || !active()) {
            return x;
        }
        Call call = calls.acquire();
        call.take(x);
        perturb(x.data(), call.y.data(), call.slope);
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    @Override
    protected final boolean supportsMasking() {
        return true;
    }

    /** One call's output, gradient factors and backward. */
    private final class Call extends SameShapeCall {
        private float[] slope;

        void take(Tensor input) {
            if (prepare(input)) {
                slope = slopeIsOne ? null : new float[input.size()];
            }
        }

        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            if (slope == null) {
                for (int i = 0; i < dx.length; i++) {
                    dx[i] += dy[i];
                }
                return;
            }
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * slope[i];
            }
        }
    }
}
