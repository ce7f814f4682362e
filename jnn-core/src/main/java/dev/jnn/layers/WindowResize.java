package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * One call of a cropping or resizing image layer (Resizing, CenterCrop, RandomCrop): a window of each
 * image resized to the output size by {@link ImageResizer} (a plain copy when the sizes agree), its
 * output buffer reused from step to step, and its backward.
 */
final class WindowResize implements BackwardStep {
    private Tensor x;
    private Tensor y;
    private ImageResizer.Plan plan;
    private int batch;

    /** Keras's {@code smart_resize} window: the largest centered window with the target's aspect ratio. */
    static int[] smartWindow(int h, int w, int targetH, int targetW) {
        int cropH = Math.max(Math.min(h, (int) ((double) (w * targetH) / targetW)), 1);
        int cropW = Math.max(Math.min(w, (int) ((double) (h * targetW) / targetH)), 1);
        return new int[] {(int) ((double) (h - cropH) / 2), (int) ((double) (w - cropW) / 2), cropH, cropW};
    }

    /** Crops the {@code outH × outW} window at {@code (top, left)} of each image. */
    Tensor crop(Tensor input, int top, int left, int outH, int outW) {
        return apply(input, top, left, outH, outW, outH, outW, true, 0f);
    }

    /** Keras's {@code smart_resize}: each image's {@link #smartWindow}, resized bilinearly to {@code outH × outW}. */
    Tensor smartResize(Tensor input, int outH, int outW) {
        int[] window = smartWindow(input.shape().dim(1), input.shape().dim(2), outH, outW);
        return apply(input, window[0], window[1], window[2], window[3], outH, outW, true, 0f);
    }

    /**
     * Resizes the window {@code (top, left, srcH, srcW)} of each image of {@code input} (channels_last)
     * to {@code outH × outW}; the plan is rebuilt only when the geometry changes.
     */
    Tensor apply(Tensor input, int top, int left, int srcH, int srcW, int outH, int outW, boolean bilinear,
                 float fill) {
        this.x = input;
        Shape s = input.shape();
        int h = s.dim(1);
        int w = s.dim(2);
        int c = s.dim(3);
        if (plan == null || !plan.matches(h, w, c, top, left, srcH, srcW, outH, outW, bilinear, fill)
                || batch != s.dim(0)) {
            plan = ImageResizer.Plan.of(h, w, c, top, left, srcH, srcW, outH, outW, bilinear, fill);
            batch = s.dim(0);
            y = Tensor.zeros(batch, outH, outW, c);
        }
        plan.forward(input.data(), y.data(), batch);
        if (GradientTape.isRecording(input)) {
            GradientTape.active().record(y, this);
        }
        return y;
    }

    @Override
    public void backward() {
        plan.backward(y.grad(), x.grad(), batch);
    }
}
