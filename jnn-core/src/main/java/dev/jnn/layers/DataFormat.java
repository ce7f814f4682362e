package dev.jnn.layers;

import dev.jnn.tensor.Shape;

/**
 * Keras's {@code data_format}: where the channels axis of a per-sample shape is. jnn computes in
 * channels_last; a channels_first layer moves the channels to the end on the way in and back on the way
 * out, so both layouts give the same numbers as Keras with the same weights (Keras's kernel layout does
 * not depend on the data format).
 */
public enum DataFormat {
    /** {@code (steps..., channels)}, Keras's default. */
    CHANNELS_LAST("channels_last"),
    /** {@code (channels, steps...)}, Theano's and cuDNN's layout. */
    CHANNELS_FIRST("channels_first");

    private final String kerasName;

    DataFormat(String kerasName) {
        this.kerasName = kerasName;
    }

    /** Keras's spelling: {@code "channels_last"} or {@code "channels_first"}. */
    public String kerasName() {
        return kerasName;
    }

    /** The format named {@code name} (Keras's spelling); throws naming the allowed values otherwise. */
    public static DataFormat of(String name) {
        for (DataFormat f : values()) {
            if (f.kerasName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("data_format must be \"channels_last\" or \"channels_first\", got "
                + (name == null ? "null" : "\"" + name + "\""));
    }

    /** The channel count of a per-sample shape in this format. */
    public int channels(Shape sample) {
        return this == CHANNELS_LAST ? sample.dim(-1) : sample.dim(0);
    }

    /** A per-sample shape in this format, rewritten in channels_last order. */
    Shape toChannelsLast(Shape sample) {
        if (this == CHANNELS_LAST || sample.rank() < 2) {
            return sample;
        }
        int[] dims = new int[sample.rank()];
        for (int i = 1; i < dims.length; i++) {
            dims[i - 1] = sample.dim(i);
        }
        dims[dims.length - 1] = sample.dim(0);
        return Shape.of(dims);
    }

    /** A channels_last per-sample shape, rewritten in this format's order. */
    Shape fromChannelsLast(Shape sample) {
        if (this == CHANNELS_LAST || sample.rank() < 2) {
            return sample;
        }
        int[] dims = new int[sample.rank()];
        dims[0] = sample.dim(-1);
        for (int i = 1; i < dims.length; i++) {
            dims[i] = sample.dim(i - 1);
        }
        return Shape.of(dims);
    }
}
