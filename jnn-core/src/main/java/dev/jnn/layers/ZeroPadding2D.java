package dev.jnn.layers;

import dev.jnn.tensor.Shape;

/**
 * Keras's {@code ZeroPadding2D}: adds rows and columns of zeros around each channels_last image,
 * {@code (h, w, c)} → {@code (top + h + bottom, left + w + right, c)}.
 *
 * <pre>{@code
 * model.add(new ZeroPadding2D());                              // padding=(1, 1)
 * model.add(new ZeroPadding2D(new ZeroPadding2D.Config(1, 2, 0, 3)));   // ((1, 2), (0, 3))
 * }</pre>
 */
public final class ZeroPadding2D extends BorderLayer2D {
    /** Keras's {@code padding=((top, bottom), (left, right))}; every entry &gt;= 0. */
    public record Config(int top, int bottom, int left, int right) implements LayerConfig {
        public Config {
            if (top < 0 || bottom < 0 || left < 0 || right < 0) {
                throw new IllegalArgumentException("ZeroPadding2D: padding entries must be >= 0, got (("
                        + top + ", " + bottom + "), (" + left + ", " + right + "))");
            }
        }

        /** Keras's {@code padding=(heightPad, widthPad)}: symmetric on each axis. */
        public Config(int heightPad, int widthPad) {
            this(heightPad, heightPad, widthPad, widthPad);
        }
    }

    private final Config config;

    /** Keras's default: one row and one column of zeros on every side. */
    public ZeroPadding2D() {
        this(new Config(1, 1));
    }

    /** Keras's {@code padding=n}: n on every side. */
    public ZeroPadding2D(int padding) {
        this(new Config(padding, padding));
    }

    public ZeroPadding2D(Config config) {
        super(false, config.top(), config.left());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 3);
        return Shape.of(inputShape.dim(0) + config.top + config.bottom,
                inputShape.dim(1) + config.left + config.right, inputShape.dim(2));
    }

    @Override
    public String className() {
        return "ZeroPadding2D";
    }
}
