package dev.jnn.layers;

import java.util.Locale;

/**
 * Keras's padding modes of convolution layers.
 *
 * <ul>
 *   <li>{@link #VALID}: no padding; the output shrinks by {@code (k - 1)·d} per axis;</li>
 *   <li>{@link #SAME}: zero padding so that the output has {@code ceil(in / stride)} positions; an odd
 *       total is split as TensorFlow does, {@code before = total / 2}, the extra one after;</li>
 *   <li>{@link #CAUSAL} (Conv1D only): {@code (k - 1)·d} zeros before the sequence, none after, so
 *       output step {@code t} sees only inputs up to {@code t}.</li>
 * </ul>
 *
 * <pre>{@code
 * Padding p = Padding.of("same");   // Padding.SAME; p.kerasName() is "same"
 * }</pre>
 */
public enum Padding {
    VALID, SAME, CAUSAL;

    /** The mode with Keras's name ({@code "valid"}, {@code "same"}, {@code "causal"}; any case). */
    public static Padding of(String name) {
        if (name != null) {
            for (Padding p : values()) {
                if (p.kerasName().equals(name.toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException(
                "padding must be one of 'valid', 'same', 'causal', got " + (name == null ? "null" : "'" + name + "'"));
    }

    /** The name Keras uses in configs. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
