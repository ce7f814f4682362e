package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The shared body of Keras's global max and average pooling layers, 1D and 2D, channels_last: each
 * channel is reduced over all spatial positions, {@code (steps, c)} or {@code (h, w, c)} → {@code (c)}
 * (or {@code (1, c)} / {@code (1, 1, c)} with {@code keepdims}).
 *
 * <p>Average divides the gradient evenly over the positions. Max follows TensorFlow's
 * {@code reduce_max} gradient, which Keras uses here: the output gradient is split evenly over all
 * positions that equal the maximum (so a unique maximum gets all of it).
 */
abstract class GlobalPoolingLayer extends Layer {
    private final int spatialRank;
    private final boolean max;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final ChannelsFirst channelsFirst = new ChannelsFirst();

    GlobalPoolingLayer(int spatialRank, boolean max) {
        this.spatialRank = spatialRank;
        this.max = max;
    }

    /** Whether the reduced axes are kept with length 1. */
    abstract boolean keepdims();

    /** Keras's {@code data_format}. */
    abstract DataFormat dataFormat();

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, spatialRank + 1);
        DataFormat format = dataFormat();
        return format.fromChannelsLast(channelsLastOutputShape(format.toChannelsLast(inputShape)));
    }

    /** The output shape of a channels_last input of the right rank. */
    private Shape channelsLastOutputShape(Shape inputShape) {
        int channels = inputShape.dim(-1);
        if (!keepdims()) {
            return Shape.of(channels);
        }
        return spatialRank == 1 ? Shape.of(1, channels) : Shape.of(1, 1, channels);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (dataFormat() == DataFormat.CHANNELS_LAST) {
            return pool(x);
        }
        Tensor pooled = pool(channelsFirst.toChannelsLast(x, training));
        return keepdims() ? channelsFirst.toChannelsFirst(pooled, training) : pooled;
    }

    /** The pooling of a channels_last batch. */
    private Tensor pool(Tensor x) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int c = call.channels;
        int positions = call.positions;
        for (int b = 0; b < call.batch; b++) {
            int base = b * positions * c;
            int o = b * c;
            System.arraycopy(in, base, out, o, c);
            for (int p = 1; p < positions; p++) {
                int row = base + p * c;
                if (max) {
                    for (int k = 0; k < c; k++) {
                        out[o + k] = Math.max(out[o + k], in[row + k]);
                    }
                } else {
                    for (int k = 0; k < c; k++) {
                        out[o + k] += in[row + k];
                    }
                }
            }
            if (!max) {
                float scale = 1f / positions;
                for (int k = 0; k < c; k++) {
                    out[o + k] *= scale;
                }
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output, tie counts and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] ties;
        private int batch;
        private int positions;
        private int channels;

        void prepare(Tensor input) {
            this.x = input;
            if (input.shape().equals(shape)) {
                return;
            }
            shape = input.shape();
            Shape sample = shape.withoutBatch();
            batch = shape.dim(0);
            channels = sample.dim(-1);
            positions = sample.size() / channels;
            y = Tensor.zeros(channelsLastOutputShape(sample).withBatch(batch));
            ties = max ? new float[y.size()] : null;
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            float[] in = x.data();
            float[] dx = x.grad();
            float[] out = y.data();
            float[] dy = y.grad();
            int c = channels;
            for (int b = 0; b < batch; b++) {
                int base = b * positions * c;
                int o = b * c;
                if (max) {
                    java.util.Arrays.fill(ties, o, o + c, 0f);
                    for (int p = 0; p < positions; p++) {
                        int row = base + p * c;
                        for (int k = 0; k < c; k++) {
                            ties[o + k] += in[row + k] == out[o + k] ? 1f : 0f;
                        }
                    }
                    for (int k = 0; k < c; k++) {
                        ties[o + k] = dy[o + k] / ties[o + k];
                    }
                    for (int p = 0; p < positions; p++) {
                        int row = base + p * c;
                        for (int k = 0; k < c; k++) {
                            if (in[row + k] == out[o + k]) {
                                dx[row + k] += ties[o + k];
                            }
                        }
                    }
                } else {
                    float scale = 1f / positions;
                    for (int p = 0; p < positions; p++) {
                        int row = base + p * c;
                        for (int k = 0; k < c; k++) {
                            dx[row + k] += dy[o + k] * scale;
                        }
                    }
                }
            }
        }
    }
}
