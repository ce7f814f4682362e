package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Resizing}: resizes each image to {@code height × width}, in training and at inference,
 * as TensorFlow's {@code tf.image.resize} does ("bilinear" or "nearest", half-pixel centers, no
 * antialiasing). With {@code cropToAspectRatio} the largest centered window with the target's aspect
 * ratio is resized instead; with {@code padToAspectRatio} the image is first padded with
 * {@code fillValue} on both sides to that ratio.
 *
 * <pre>{@code
 * model.add(new Resizing(224, 224));
 * }</pre>
 */
public final class Resizing extends ImageLayer {
    /**
     * @param height            output height, &gt; 0
     * @param width             output width, &gt; 0
     * @param interpolation     "bilinear" (Keras's default) or "nearest"
     * @param cropToAspectRatio whether to resize the largest centered window of the target's aspect ratio
     * @param padToAspectRatio  whether to pad to the target's aspect ratio first (not with the crop)
     * @param fillValue         the padding value
     * @param dataFormat        where the channels are; channels_last when null
     */
    public record Config(int height, int width, String interpolation, boolean cropToAspectRatio,
                         boolean padToAspectRatio, double fillValue, DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (height <= 0 || width <= 0) {
                throw new IllegalArgumentException("Resizing: height and width must be > 0, got " + height + " and "
                        + width);
            }
            if (!"bilinear".equals(interpolation) && !"nearest".equals(interpolation)) {
                throw new IllegalArgumentException("Resizing: interpolation must be \"bilinear\" or \"nearest\" in jnn, "
                        + "got " + (interpolation == null ? "null" : "\"" + interpolation + "\""));
            }
            if (cropToAspectRatio && padToAspectRatio) {
                throw new IllegalArgumentException("Resizing: Only one of `pad_to_aspect_ratio` & "
                        + "`crop_to_aspect_ratio` can be `True`.");
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }
    }

    private final Config config;
    private final PerStep<WindowResize> calls = new PerStep<>(WindowResize::new);

    /** Keras's {@code Resizing(height, width)}: bilinear, the whole image. */
    public Resizing(int height, int width) {
        this(new Config(height, width, "bilinear", false, false, 0, null));
    }

    public Resizing(Config config) {
        super(config.dataFormat());
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

    @Override
    Tensor transform(Tensor x, boolean training) {
        int h = x.shape().dim(1);
        int w = x.shape().dim(2);
        int th = config.height;
        int tw = config.width;
        boolean bilinear = config.interpolation.equals("bilinear");
        WindowResize call = calls.acquire();
        // Keras's TensorFlow resize computes the window sizes in float32.
        if (config.cropToAspectRatio) {
            int cropH = Math.max(Math.min(h, (int) ((float) (w * th) / tw)), 1);
            int cropW = Math.max(Math.min(w, (int) ((float) (h * tw) / th)), 1);
            int top = (int) ((float) (h - cropH) / 2);
            int left = (int) ((float) (w - cropW) / 2);
            return call.apply(x, top, left, cropH, cropW, th, tw, bilinear, 0f);
        }
        if (config.padToAspectRatio) {
            int padH = Math.max(h, (int) ((float) (w * th) / tw));
            int padW = Math.max(w, (int) ((float) (h * tw) / th));
            int top = (int) ((float) (padH - h) / 2);
            int left = (int) ((float) (padW - w) / 2);
            return call.apply(x, -top, -left, h + 2 * top, w + 2 * left, th, tw, bilinear, (float) config.fillValue);
        }
        return call.apply(x, 0, 0, h, w, th, tw, bilinear, 0f);
    }
}
