package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;

/**
 * The shared body of {@link Cropping1D} and {@link ZeroPadding1D} on sequences {@code (steps, features)}:
 * each sample's shorter sequence is one contiguous block of the longer one starting {@code before}
 * steps in. Cropping reads that block out of the input; padding writes the input there in a zeroed
 * output. The backward copies the gradient back along the same block.
 */
abstract class BorderLayer1D extends Layer {
    private final boolean crop;
    private final int before;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** {@code crop}: the input is the longer sequence; otherwise the output is. */
    BorderLayer1D(boolean crop, int before) {
        this.crop = crop;
        this.before = before;
    }

    /** Runs the copy on a channels_last batch {@code [batch, steps, features]}. */
    final Tensor copy(Tensor x) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        if (!crop) {
            Arrays.fill(out, 0f);
        }
        for (int b = 0; b < call.batch; b++) {
            System.arraycopy(in, call.inOffset(b), out, call.outOffset(b), call.block);
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
        private int batch;
        private int inSize;
        private int outSize;
        private int block;
        private int shift;

        void prepare(Tensor input) {
            this.x = input;
            if (input.shape().equals(shape)) {
                return;
            }
            shape = input.shape();
            Shape out = Shape.of(channelsLastOutput(shape.dim(1)), shape.dim(2));
            batch = shape.dim(0);
            int features = shape.dim(2);
            inSize = shape.dim(1) * features;
            outSize = out.size();
            block = Math.min(inSize, outSize);
            shift = before * features;
            y = Tensor.zeros(out.withBatch(batch));
        }

        int inOffset(int b) {
            return b * inSize + (crop ? shift : 0);
        }

        int outOffset(int b) {
            return b * outSize + (crop ? 0 : shift);
        }

        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            for (int b = 0; b < batch; b++) {
                int i = inOffset(b);
                int o = outOffset(b);
                for (int k = 0; k < block; k++) {
                    dx[i + k] += dy[o + k];
                }
            }
        }
    }

    /** The output's number of steps for an input of {@code steps}. */
    abstract int channelsLastOutput(int steps);
}
