package dev.jnn.cli.compare;

import dev.jnn.cli.spec.LoadedData;
import dev.jnn.cli.spec.SpecException;
import dev.jnn.cli.spec.TrainSpec;
import dev.jnn.cli.train.TrainResult;
import dev.jnn.cli.train.TrainRun;
import java.util.List;

/**
 * A spec file as a configuration of {@code jnn compare}: each seed trains the spec with that seed on
 * the same prepared data (the data's shuffle has its own seed, so every run sees the same split).
 * Success is reaching the target within the spec's epochs; the compared quantity is the final value
 * of the target's metric, or the final loss without a target.
 */
public final class SpecConfiguration implements Configuration {
    private final TrainSpec spec;
    private final LoadedData data;
    private final Target target;

    /** A configuration of {@code spec} on {@code data}, judged by {@code target} (or null). */
    public SpecConfiguration(TrainSpec spec, LoadedData data, Target target) {
        this.spec = spec;
        this.data = data;
        this.target = target;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String description() {
        return spec.fit().epochs() + " epochs, batch " + spec.fit().batchSize()
                + (spec.compile() == null ? "" : ", " + spec.compile().loss() + ", " + spec.compile().optimizer());
    }

    /** The quantity compared at the end of a run. */
    public String metric() {
        return target == null ? "loss" : target.metric();
    }

    @Override
    public RunOutcome run(long seed) throws Exception {
        TrainResult r = TrainRun.run(spec.withSeed(seed), data, 0, List.of());
        List<Double> values = r.history().get(metric());
        if (values == null) {
            throw new SpecException("", "--target: " + spec.name() + " logs no \"" + metric() + "\"; it logs "
                    + new java.util.TreeSet<>(r.history().keySet()));
        }
        int reached = -1;
        if (target != null) {
            for (int e = 0; e < values.size() && reached < 0; e++) {
                if (target.met(values.get(e))) {
                    reached = e + 1;
                }
            }
        }
        return new RunOutcome(r.history().get("loss"), values.get(values.size() - 1), reached > 0, reached,
                r.seconds() * 1000);
    }
}
