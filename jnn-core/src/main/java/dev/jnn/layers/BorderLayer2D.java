package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;

/**
 * The shared body of {@link Cropping2D} and {@link ZeroPadding2D}: both copy whole rows between a
 * larger and a smaller channels_last image {@code (h, w, c)} whose corner sits at {@code (top, left)}
 * in the larger one. Cropping reads the smaller image out of the input; padding writes the input
 * into a zeroed output. The backward copies the gradient back along the same rows, so borders
 * that were cropped or padded get none.
 */
abstract class BorderLayer2D extends Layer {
    private final boolean crop;
    private final int top;
    private final int left;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** {@code crop}: the input is the larger image; otherwise the output is. */
    BorderLayer2D(boolean crop, int top, int left) {
        this.crop = crop;
        this.top = top;
        this.left = left;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        if (!crop) {
            Arrays.fill(out, 0f);
        }
        int rowLength = call.rowLength();
        int rows = call.rows();
        for (int b = 0; b < call.batch; b++) {
            for (int h = 0; h < rows; h++) {
                System.arraycopy(in, call.inOffset(b, h), out, call.outOffset(b, h), rowLength);
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
        private int batch;
        private int inH;
        private int inW;
        private int c;
        private int outH;
        private int outW;

        void prepare(Tensor input) {
            this.x = input;
            if (input.shape().equals(shape)) {
                return;
            }
            shape = input.shape();
            Shape out = outputShape(shape.withoutBatch());
            batch = shape.dim(0);
            inH = shape.dim(1);
            inW = shape.dim(2);
            c = shape.dim(3);
            outH = out.dim(0);
            outW = out.dim(1);
            y = Tensor.zeros(out.withBatch(batch));
        }

        /** Rows of the smaller image. */
        int rows() {
            return crop ? outH : inH;
        }

        /** Floats in one row of the smaller image. */
        int rowLength() {
            return (crop ? outW : inW) * c;
        }

        int inOffset(int b, int h) {
            return crop ? ((b * inH + h + top) * inW + left) * c : (b * inH + h) * inW * c;
        }

        int outOffset(int b, int h) {
            return crop ? (b * outH + h) * outW * c : ((b * outH + h + top) * outW + left) * c;
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            float[] dy = y.grad();
            int rowLength = rowLength();
            int rows = rows();
            for (int b = 0; b < batch; b++) {
                for (int h = 0; h < rows; h++) {
                    int i = inOffset(b, h);
                    int o = outOffset(b, h);
                    for (int k = 0; k < rowLength; k++) {
                        dx[i + k] += dy[o + k];
                    }
                }
            }
        }
    }
}
