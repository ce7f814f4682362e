package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code RandomCrop}: in training, one {@code height × width} window at a random place, the same
 * for every image of the batch (Keras draws one), when the images are larger on both sides; otherwise
 * Keras 3's fallback: a window of the target size from the start of the centered aspect-ratio window,
 * resized bilinearly to the target size where it reaches past the image.
 *
 * <p>At inference, jnn does what Keras documents ("the input will be resized and cropped so as to return
 * the largest possible window in the image that matches the target aspect ratio", Keras's
 * {@code smart_resize}, which Keras 2 did). Keras 3.15.1 instead returns the input unchanged, with a
 * shape that contradicts its own output shape (keras-team/keras#21868), which no model after it can use.
 *
 * <pre>{@code
 * model.add(new RandomCrop(24, 24));
 * }</pre>
 */
public final class RandomCrop extends RandomImageLayer {
    /**
     * @param height     output height, &gt; 0
     * @param width      output width, &gt; 0
     * @param seed       seed of the layer's stream, or null for the global stream
     * @param dataFormat where the channels are; channels_last when null
     */
    public record Config(int height, int width, Long seed, DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (height <= 0 || width <= 0) {
                throw new IllegalArgumentException("RandomCrop: height and width must be > 0, got " + height + " and "
                        + width);
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }
    }

    private final Config config;
    private final PerStep<WindowResize> calls = new PerStep<>(WindowResize::new);
    private final float[] start = new float[2];
    private int drawH;
    private int drawW;

    public RandomCrop(int height, int width) {
        this(new Config(height, width, null, null));
    }

    public RandomCrop(Config config) {
        super(config.dataFormat(), config.seed());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    Shape imageOutputShape(int h, int w, int c) {
        return Shape.of(config.height, config.width, c);
    }

    /** RandomCrop acts at inference too (a centered crop), so that its output has its output shape. */
    @Override
    boolean acts(boolean training) {
        return true;
    }

    /** Two numbers per call (not per image): the window's first row and first column. */
    @Override
    int parameterCount(int batch) {
        return 2;
    }

    @Override
    void draw(RandomStream random, float[] out, int batch) {
        // Keras: cast(uniform((), 0, maxval=float(h - height + 1)), "int32").
        out[0] = (float) Math.floor(uniform(random, 0, drawH - config.height + 1));
        out[1] = (float) Math.floor(uniform(random, 0, drawW - config.width + 1));
    }

    @Override
    Tensor transform(Tensor x, boolean training) {
        int h = x.shape().dim(1);
        int w = x.shape().dim(2);
        int th = config.height;
        int tw = config.width;
        WindowResize call = calls.acquire();
        if (!training) {
            return call.smartResize(x, th, tw);
        }
        if (h > th && w > tw) {
            drawH = h;
            drawW = w;
            parameters(start, x.shape().dim(0));
            int top = (int) start[0];
            int left = (int) start[1];
            if (top < 0 || left < 0 || top + th > h || left + tw > w) {
                throw new IllegalStateException("RandomCrop \"" + name() + "\": window at (" + top + ", " + left
                        + ") does not fit a " + h + "x" + w + " image");
            }
            return call.crop(x, top, left, th, tw);
        }
        // Keras 3 slices the target size from the start of the aspect-ratio window, then resizes what it got.
        int[] window = WindowResize.smartWindow(h, w, th, tw);
        int srcH = Math.min(th, h - window[0]);
        int srcW = Math.min(tw, w - window[1]);
        return call.apply(x, window[0], window[1], srcH, srcW, th, tw, true, 0f);
    }
}
