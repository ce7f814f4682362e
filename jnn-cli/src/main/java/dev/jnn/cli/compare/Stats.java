package dev.jnn.cli.compare;

import java.util.Arrays;

/**
 * Summary statistics over seeds, with the formulas written out so that results match other
 * reports exactly: the mean sums in run order then divides, the standard deviation is the
 * population one ({@code ddof=0}, numpy's default), the median of an even count averages the two
 * middle values (as {@code jnn xor}).
 */
public final class Stats {
    private Stats() {
    }

    /** The mean; NaN when empty. */
    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** The population standard deviation; NaN when empty. */
    public static double std(double[] v) {
        double m = mean(v);
        double sq = 0;
        for (double x : v) {
            sq += (x - m) * (x - m);
        }
        return v.length == 0 ? Double.NaN : Math.sqrt(sq / v.length);
    }

    /** The median; NaN when empty. */
    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The smallest value; NaN when empty. */
    public static double min(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).min().getAsDouble();
    }

    /** The largest value; NaN when empty. */
    public static double max(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).max().getAsDouble();
    }
}
