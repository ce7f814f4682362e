package dev.jnn.optimizers;

/** Argument checks shared by the optimizers and schedules; each message names the argument and the value. */
final class Arguments {
    private Arguments() {
    }

    /** {@code value} must be finite and {@code >= 0}. */
    static float nonNegative(String name, float value) {
        if (!(value >= 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** A nullable option: {@code null} stays {@code null}, anything else must be finite and {@code >= 0}. */
    static Float nonNegativeOrNull(String name, Float value) {
        return value == null ? null : nonNegative(name, value);
    }

    /** {@code value} must be finite and {@code >= 0}. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** {@code value} must lie in {@code [low, high]}. */
    static double inRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], got " + value);
        }
        return value;
    }

    /** A step count such as {@code decay_steps} must be {@code > 0}. */
    static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }
}
