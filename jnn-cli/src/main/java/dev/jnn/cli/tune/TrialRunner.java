package dev.jnn.cli.tune;

import dev.jnn.callbacks.History;
import dev.jnn.cli.spec.LoadedData;
import dev.jnn.cli.spec.SpecException;
import dev.jnn.cli.spec.TrainSpec;
import dev.jnn.cli.train.TrainRun;
import dev.jnn.models.Model;
import dev.jnn.tensor.SeedGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains trials of a search space on data loaded once: whole (random and grid search) or rung by
 * rung, continuing the same model (successive halving). Each piece of training seeds the running
 * thread's stream from the trial's seed first, so a trial's numbers do not depend on which thread
 * ran it or what ran there before.
 */
public final class TrialRunner {
    private final SearchSpace space;
    private final LoadedData data;
    private final long seed;

    /** A runner for {@code space}'s trials on {@code data}, trial seeds drawn from the search's {@code seed}. */
    public TrialRunner(SearchSpace space, LoadedData data, long seed) {
        this.space = space;
        this.data = data;
        this.seed = seed;
    }

    /** The space being searched. */
    public SearchSpace space() {
        return space;
    }

    /** The full epochs of a trial (the base spec's). */
    public int fullEpochs(Progress p) {
        return p.spec.fit().epochs();
    }

    /** A trial in training: its model and the objective's values so far. */
    public static final class Progress {
        final int index;
        final long seed;
        final Map<String, Object> params;
        final TrainSpec spec;
        final Model model;
        final List<Double> values = new ArrayList<>();
        int epochs;
        int rung;
        double seconds;

        Progress(int index, long seed, Map<String, Object> params, TrainSpec spec, Model model) {
            this.index = index;
            this.seed = seed;
            this.params = params;
            this.spec = spec;
            this.model = model;
        }

        /** The trial as it stands. */
        public Trial trial(SearchSpace space) {
            return new Trial(index, seed, params, space.objective().best(values), epochs, rung, seconds);
        }
    }

    /** Builds trial {@code index} (seeding its weights) without training it. */
    public Progress start(int index, Map<String, Object> params) {
        long trialSeed = Trial.seed(seed, index);
        TrainSpec spec = space.trialSpec(params, trialSeed, null, space.name() + "-" + index);
        try {
            return new Progress(index, trialSeed, params, spec, TrainRun.compiledModel(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains {@code p} on up to {@code epochs} epochs in total, as rung {@code rung}. */
    public Progress advance(Progress p, int epochs, int rung) {
        p.rung = rung;
        if (epochs <= p.epochs) {
            return p;   // a rung no longer than the last (few epochs, many rungs): nothing to train
        }
        if (p.epochs > 0) {
            // A later rung may run on another thread: reseed, from the trial and the rung only.
            SeedGenerator.setGlobalSeed(Trial.seed(p.seed, rung));
        }
        long start = System.nanoTime();
        History h = TrainRun.fit(p.model, p.spec.fit().withEpochs(epochs), data, 0, p.epochs, List.of());
        p.seconds += (System.nanoTime() - start) / 1e9;
        List<Double> values = h.history().get(space.objective().metric());
        if (values == null) {
            throw new SpecException("objective.metric", "trials log no \"" + space.objective().metric() + "\"; they log "
                    + new TreeSet<>(h.history().keySet()));
        }
        p.values.addAll(values);
        p.epochs = epochs;
        return p;
    }

    /** Trains trial {@code index} with {@code params} for the base's epochs. */
    public Trial run(int index, Map<String, Object> params) {
        Progress p = start(index, params);
        return advance(p, p.spec.fit().epochs(), 0).trial(space);
    }
}
