package dev.jnn.cli.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.callbacks.Callback;
import dev.jnn.callbacks.History;
import dev.jnn.cli.spec.FitSpec;
import dev.jnn.cli.spec.LoadedData;
import dev.jnn.cli.spec.SpecException;
import dev.jnn.cli.spec.TrainSpec;
import dev.jnn.io.KerasConfig;
import dev.jnn.models.Model;
import dev.jnn.tensor.SeedGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Trains a spec: seed, build, compile, fit, evaluate the test part. Everything random in a run
 * (weights, shuffling, dropout) comes from the calling thread's seed stream, seeded here from the
 * spec's seed, so a run gives the same numbers on any thread and next to any other runs.
 *
 * <pre>{@code
 * TrainResult r = TrainRun.run(spec, DataLoader.load(spec.data()), 1, List.of());
 * }</pre>
 */
public final class TrainRun {
    private TrainRun() {
    }

    /** A fresh compiled model of {@code spec}, its weights drawn from {@code spec.seed()}. */
    public static Model compiledModel(TrainSpec spec) throws IOException {
        SeedGenerator.setGlobalSeed(spec.seed());
        Model model = spec.model().build();
        if (spec.compile() != null) {
            model.compile(spec.compile().options());
        } else {
            JsonNode fromFile = spec.model().compileConfig();
            if (fromFile != null) {
                KerasConfig.compileFromJson(model, fromFile);
            } else if (!model.isCompiled()) {
                throw new SpecException("compile", "missing, and the model file carries no compile settings;"
                        + " give at least {\"loss\": ...}");
            }
        }
        return model;
    }

    /** Builds, trains and evaluates {@code spec} on {@code data}; {@code verbose} as Keras's (0, 1, 2). */
    public static TrainResult run(TrainSpec spec, LoadedData data, int verbose, List<Callback> extra)
            throws IOException {
        return run(spec, compiledModel(spec), data, verbose, extra);
    }

    /**
     * Trains and evaluates {@code model}, fresh from {@link #compiledModel} on this thread (the fit
     * continues that seed stream); built first by a caller that wants model errors before loading data.
     */
    public static TrainResult run(TrainSpec spec, Model model, LoadedData data, int verbose, List<Callback> extra) {
        long start = System.nanoTime();
        History history = fit(model, spec.fit(), data, verbose, 0, extra);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainResult(model, history.epochs(), history.history(), test(model, spec, data, verbose), seconds);
    }

    /** Trains {@code model} from {@code initialEpoch} up to {@code fit.epochs()}, with the data's validation part. */
    public static History fit(Model model, FitSpec fit, LoadedData data, int verbose, int initialEpoch,
                              List<Callback> extra) {
        return model.fit(data.train().x(), data.train().y(),
                fit.options(verbose, extra, initialEpoch, data.validation()));
    }

    /** The test part's loss and metrics, or an empty map without one. */
    public static Map<String, Double> test(Model model, TrainSpec spec, LoadedData data, int verbose) {
        if (data.test() == null) {
            return Map.of();
        }
        return model.evaluate(data.test().x(), data.test().y(), spec.fit().batchSize(), verbose == 0 ? 0 : 1);
    }
}
