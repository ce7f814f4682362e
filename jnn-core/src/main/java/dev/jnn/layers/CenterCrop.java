package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code CenterCrop}: crops the central {@code height × width} window of each image, in training
 * and at inference (starting at {@code ((h - height) / 2, (w - width) / 2)}, rounded down). An image
 * smaller than that on either side is resized instead, as Keras's {@code smart_resize} does: its
 * largest centered window with the target's aspect ratio, resized bilinearly.
 *
 * <pre>{@code
 * model.add(new CenterCrop(224, 224));
 * }</pre>
 */
public final class CenterCrop extends ImageLayer {
    /**
     * @param height     output height, &gt; 0
     * @param width      output width, &gt; 0
     * @param dataFormat where the channels are; channels_last when null
     */
    public record Config(int height, int width, DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (height <= 0 || width <= 0) {
                throw new IllegalArgumentException("CenterCrop: height and width must be > 0, got " + height + " and "
                        + width);
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }
    }

    private final Config config;
    private final PerStep<WindowResize> calls = new PerStep<>(WindowResize::new);

    public CenterCrop(int height, int width) {
        this(new Config(height, width, null));
    }

    public CenterCrop(Config config) {
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
        WindowResize call = calls.acquire();
        if (h >= th && w >= tw) {
            return call.crop(x, (h - th) / 2, (w - tw) / 2, th, tw);
        }
        return call.smartResize(x, th, tw);
    }
}
