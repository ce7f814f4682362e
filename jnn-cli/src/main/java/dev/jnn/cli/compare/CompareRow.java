package dev.jnn.cli.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary of one configuration over its seeds: success rate, the final metric (mean ± std),
 * epochs to target over the runs that reached it (median, min, max) and how many did not, the wall
 * time per run (mean ± std), and the loss curve (mean, min and max at each epoch over the runs
 * that trained that epoch).
 *
 * @param name          the configuration's name
 * @param description   what it trains
 * @param seeds         runs
 * @param successRate   fraction of successful runs
 * @param finalMean     mean final metric
 * @param finalStd      its standard deviation
 * @param epochs        epochs to target of the runs that reached it, in seed order
 * @param unreached     runs that never reached it
 * @param msMean        mean wall time per run
 * @param msStd         its standard deviation
 * @param curve         the mean loss per epoch
 * @param curveMin      the smallest loss per epoch
 * @param curveMax      the largest loss per epoch
 */
public record CompareRow(String name, String description, int seeds, double successRate, double finalMean,
                         double finalStd, double[] epochs, int unreached, double msMean, double msStd, double[] curve,
                         double[] curveMin, double[] curveMax) {

    /** Summarizes the runs of one configuration, given in seed order. */
    public static CompareRow of(Configuration config, List<RunOutcome> runs) {
        int n = runs.size();
        int ok = 0;
        double[] finals = new double[n];
        double[] ms = new double[n];
        List<Double> reached = new ArrayList<>();
        int longest = 0;
        for (int i = 0; i < n; i++) {
            RunOutcome r = runs.get(i);
            ok += r.success() ? 1 : 0;
            finals[i] = r.finalMetric();
            ms[i] = r.millis();
            if (r.epochsToTarget() > 0) {
                reached.add((double) r.epochsToTarget());
            }
            longest = Math.max(longest, r.losses().size());
        }
        double[] mean = new double[longest];
        double[] min = new double[longest];
        double[] max = new double[longest];
        for (int e = 0; e < longest; e++) {
            double sum = 0;
            int count = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (RunOutcome r : runs) {
                if (e < r.losses().size()) {
                    double v = r.losses().get(e);
                    sum += v;
                    count++;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            mean[e] = sum / count;
            min[e] = lo;
            max[e] = hi;
        }
        double[] epochs = reached.stream().mapToDouble(Double::doubleValue).toArray();
        return new CompareRow(config.name(), config.description(), n, (double) ok / n, Stats.mean(finals),
                Stats.std(finals), epochs, n - epochs.length, Stats.mean(ms), Stats.std(ms), mean, min, max);
    }

    /** The median epochs to target over the runs that reached it; NaN when none did. */
    public double medianEpochs() {
        return Stats.median(epochs);
    }
}
