package dev.jnn.cli;

import java.util.List;

/**
 * The summary of one configuration over its seeds.
 *
 * @param config               the configuration
 * @param seeds                number of seeded runs
 * @param successRate          fraction of runs with all four outputs on the right side of 0.5
 * @param medianEpochsToSolve  median epoch at which accuracy was 1 and loss under 0.05, over the
 *                             runs that got there within the cap (NaN when none did)
 * @param unsolved             runs that never got there within the cap
 * @param meanFinalLoss        mean squared error of the trained outputs, averaged over runs
 * @param msPerRun             median wall time of one training run of the configured epochs, timed
 *                             after every configuration has run (see XorStudy)
 */
record XorResult(XorConfig config, int seeds, double successRate, double medianEpochsToSolve, int unsolved,
                 double meanFinalLoss, double msPerRun) {

    /** The same result with another time per run. */
    XorResult withMsPerRun(double ms) {
        return new XorResult(config, seeds, successRate, medianEpochsToSolve, unsolved, meanFinalLoss, ms);
    }

    static XorResult of(XorConfig config, List<XorStudy.Run> runs) {
        int ok = 0;
        int unsolved = 0;
        double lossSum = 0;
        double[] times = new double[runs.size()];
        List<Double> solved = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            XorStudy.Run r = runs.get(i);
            ok += r.success() ? 1 : 0;
            lossSum += r.finalLoss();
            times[i] = r.millis();
            if (r.epochsToSolve() > 0) {
                solved.add((double) r.epochsToSolve());
            } else {
                unsolved++;
            }
        }
        double[] solvedEpochs = solved.stream().mapToDouble(Double::doubleValue).toArray();
        return new XorResult(config, runs.size(), (double) ok / runs.size(), XorStudy.median(solvedEpochs), unsolved,
                lossSum / runs.size(), XorStudy.median(times));
    }
}
