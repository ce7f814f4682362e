package dev.jnn.layers;

import dev.jnn.tensor.Shape;

/**
 * Keras's {@code Cropping2D}: removes rows and columns from the borders of each channels_last image,
 * {@code (h, w, c)} → {@code (h - top - bottom, w - left - right, c)}.
 *
 * <pre>{@code
 * model.add(new Cropping2D(new Cropping2D.Config(2, 2, 4, 4)));   // cropping=((2, 2), (4, 4))
 * }</pre>
 */
public final class Cropping2D extends BorderLayer2D {
    /** Keras's {@code cropping=((top, bottom), (left, right))}; every entry &gt;= 0. */
    public record Config(int top, int bottom, int left, int right) implements LayerConfig {
        public Config {
            if (top < 0 || bottom < 0 || left < 0 || right < 0) {
                throw new IllegalArgumentException("Cropping2D: cropping entries must be >= 0, got (("
                        + top + ", " + bottom + "), (" + left + ", " + right + "))");
            }
        }

        /** Keras's {@code cropping=(heightCrop, widthCrop)}: symmetric on each axis. */
        public Config(int heightCrop, int widthCrop) {
            this(heightCrop, heightCrop, widthCrop, widthCrop);
        }
    }

    private final Config config;

    /** Keras's default {@code cropping=((0, 0), (0, 0))}: the identity. */
    public Cropping2D() {
        this(new Config(0, 0));
    }

    /** Keras's {@code cropping=n}: n from every side. */
    public Cropping2D(int cropping) {
        this(new Config(cropping, cropping));
    }

    public Cropping2D(Config config) {
        super(true, config.top(), config.left());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 3);
        int h = inputShape.dim(0) - config.top - config.bottom;
        int w = inputShape.dim(1) - config.left - config.right;
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": values in cropping argument should be smaller "
                    + "than the corresponding spatial dimension of the input. Received: input_shape="
                    + inputShape.toKerasString() + ", cropping=((" + config.top + ", " + config.bottom + "), ("
                    + config.left + ", " + config.right + "))");
        }
        return Shape.of(h, w, inputShape.dim(2));
    }

    @Override
    public String className() {
        return "Cropping2D";
    }
}
