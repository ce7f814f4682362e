package dev.jnn.layers;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The shared body of RandomBrightness, RandomContrast and RandomFlip: the image keeps its size, each
 * image of a training call draws one number, and the subclass maps input to output (and the output
 * gradient back) given those numbers. The draws, the output, and for the clipping layers which
 * elements stayed inside the value range are kept per call, so a steady-state step allocates nothing.
 */
abstract class PerImageRandomLayer extends RandomImageLayer {
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final boolean clips;

    /** @param clips whether the layer clips to a value range (then each call keeps an inside-the-range mask) */
    PerImageRandomLayer(DataFormat dataFormat, Long seed, boolean clips) {
        super(dataFormat, seed);
        this.clips = clips;
    }

    /**
     * One call's output on a channels_last batch of {@code shape}, {@code drawn[b]} being image b's number.
     *
     * @param inside where clipping layers record which elements were not clipped; null otherwise
     */
    abstract void apply(float[] in, float[] out, float[] drawn, Shape shape, boolean[] inside);

    /** Adds the input gradient of {@link #apply} for output gradient {@code dy} into {@code dx}. */
    abstract void applyBackward(float[] dy, float[] dx, float[] drawn, Shape shape, boolean[] inside);

    @Override
    final Shape imageOutputShape(int h, int w, int c) {
        return Shape.of(h, w, c);
    }

    @Override
    final int parameterCount(int batch) {
        return batch;
    }

    @Override
    final Tensor transform(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.take(x);
        parameters(call.drawn, call.batch);
        apply(x.data(), call.y.data(), call.drawn, call.shape(), call.inside);
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's draws, clipping mask, output and backward. */
    private final class Call extends SameShapeCall {
        private float[] drawn;
        private boolean[] inside;
        private int batch;

        void take(Tensor input) {
            if (prepare(input)) {
                batch = input.shape().dim(0);
                drawn = new float[batch];
                inside = clips ? new boolean[input.size()] : null;
            }
        }

        @Override
        public void backward() {
            applyBackward(y.grad(), x.grad(), drawn, shape(), inside);
        }
    }
}
