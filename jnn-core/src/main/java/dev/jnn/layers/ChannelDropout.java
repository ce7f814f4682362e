package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * The body of {@link SpatialDropout1D} and {@link SpatialDropout2D}: in training, each channel of each
 * sample is kept with probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)}, or zeroed
 * whole (Keras's dropout with noise shape {@code (batch, 1, ..., channels)}); identity at inference.
 */
abstract class ChannelDropout extends Layer {
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final RandomStream random;
    private final float rate;

    ChannelDropout(float rate, Long seed) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.random = SeedGenerator.newRandom(seed);
    }

    /** Per-sample rank expected (2 for 1D: [steps, channels]; 3 for 2D). */
    abstract int sampleRank();

    /** Whether the channels are the first per-sample axis (else the last). */
    abstract boolean channelsFirst();

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != sampleRank()) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected ndim="
                    + (sampleRank() + 1) + ", found ndim=" + (inputShape.rank() + 1) + ". Full shape received: "
                    + inputShape.toKerasString());
        }
        return inputShape;
    }

    @Override
    public List<RandomStream> randomStreams() {
        return List.of(random);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (!training || rate == 0f) {
            return x;
        }
        Call call = calls.acquire();
        call.prepare(x);
        float scale = 1f / (1f - rate);
        float[] mask = call.mask;
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() >= rate ? scale : 0f;
        }
        float[] in = x.data();
        float[] out = call.y.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * mask[call.maskIndex(i)];
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's channel mask ({@code [batch, channels]}), output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] mask;
        private int channels;
        private int spatial;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                channels = channelsFirst() ? shape.dim(1) : shape.dim(-1);
                spatial = input.rowSize() / Math.max(channels, 1);
                y = Tensor.zeros(shape);
                mask = new float[input.rows() * channels];
            }
        }

        int maskIndex(int i) {
            if (channelsFirst()) {
                return i / spatial; // [batch, C, spatial...]: (b·C + c)
            }
            return (i / (spatial * channels)) * channels + i % channels;
        }

        @Override
        public void backward() {
            float[] g = x.grad();
            float[] dy = y.grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += dy[i] * mask[maskIndex(i)];
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
