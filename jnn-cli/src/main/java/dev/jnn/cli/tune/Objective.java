package dev.jnn.cli.tune;

import dev.jnn.callbacks.MonitorMode;
import java.util.List;

/**
 * What a search optimizes: a logged quantity and its direction. A trial's score is the best value of
 * the quantity over its epochs, as Keras Tuner scores a trial (so a run that peaked then overfitted
 * keeps its peak).
 *
 * @param metric   the log key, e.g. {@code val_accuracy}
 * @param maximize true to maximize, false to minimize
 */
public record Objective(String metric, boolean maximize) {
    /** The objective for {@code metric}, its direction inferred as EarlyStopping infers it. */
    public static Objective of(String metric) {
        return new Objective(metric, MonitorMode.AUTO.resolve(metric) == MonitorMode.MAX);
    }

    /** The best of {@code values}; NaN when empty or when every value is NaN. */
    public double best(List<Double> values) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || better(v, best))) {
                best = v;
            }
        }
        return best;
    }

    /** Whether {@code a} is strictly better than {@code b}; NaN is worse than anything. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return maximize ? a > b : a < b;
    }

    /** Orders scores best first (NaN last). */
    public int compare(double a, double b) {
        return better(a, b) ? -1 : better(b, a) ? 1 : 0;
    }

    @Override
    public String toString() {
        return (maximize ? "maximize " : "minimize ") + metric;
    }
}
