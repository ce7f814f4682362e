package dev.jnn.callbacks;

/**
 * Whether a monitored value improves on a reference, decided as Keras's {@code MonitorCallback}
 * decides it for EarlyStopping, ReduceLROnPlateau and ModelCheckpoint.
 *
 * <p>Keras computes {@code current - min_delta} (MAX) or {@code current + min_delta} (MIN) in double,
 * then compares it with the reference through {@code ops.less}/{@code ops.greater}, which turn both
 * Python floats into float32 tensors: values closer than a float32 step compare equal, so they are
 * not an improvement. The direction of AUTO is resolved on first use, as Keras resolves it at the
 * first epoch end.
 */
final class Monitor {
    private final String monitor;
    private final MonitorMode mode;
    private final double minDelta;
    private MonitorMode direction;

    /** Watches {@code monitor} in {@code mode}; only the absolute value of {@code minDelta} counts. */
    Monitor(String monitor, MonitorMode mode, double minDelta) {
        this.monitor = monitor;
        this.mode = mode;
        this.minDelta = Math.abs(minDelta);
    }

    /**
     * MIN or MAX.
     *
     * @throws IllegalArgumentException in AUTO mode for a name whose direction is unknown
     */
    MonitorMode direction() {
        if (direction == null) {
            direction = mode.resolve(monitor);
        }
        return direction;
    }

    /** Whether {@code current} improves on {@code reference} by more than {@code minDelta}; true if there is none. */
    boolean isImprovement(double current, Double reference) {
        if (reference == null) {
            return true;
        }
        float bound = reference.floatValue();
        return direction() == MonitorMode.MIN
                ? (float) (current + minDelta) < bound
                : (float) (current - minDelta) > bound;
    }
}
