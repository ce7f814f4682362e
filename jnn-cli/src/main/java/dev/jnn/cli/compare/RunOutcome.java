package dev.jnn.cli.compare;

import java.util.List;

/**
 * One seeded run of a configuration, as a comparison summarizes it.
 *
 * @param losses         the training loss of each epoch
 * @param finalMetric    the compared quantity at the end of the run (the final loss, or the target's metric)
 * @param success        whether the run succeeded (reached the target, or the configuration's own test)
 * @param epochsToTarget the first epoch (from 1) at which the target was met, or -1 when it never was
 * @param millis         wall time of the run's training
 */
public record RunOutcome(List<Double> losses, double finalMetric, boolean success, int epochsToTarget,
                         double millis) {
    public RunOutcome {
        losses = List.copyOf(losses);
    }
}
