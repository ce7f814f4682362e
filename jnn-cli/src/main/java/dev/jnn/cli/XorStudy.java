package dev.jnn.cli;

import dev.jnn.callbacks.Callback;
import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the XOR study: each configuration over N seeds, measuring success, epochs until solved, final
 * loss and time. Seeds run in parallel; each run is seeded on its own thread, so results do not
 * depend on the thread count.
 */
final class XorStudy {
    /** The four XOR inputs. */
    static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    /** Their targets. */
    static final float[][] Y = {{0}, {1}, {1}, {0}};
    /** Training stops looking for "solved" after this many epochs. */
    static final int EPOCH_CAP = 20_000;
    /** "Solved" needs the epoch's logged loss under this bound (and accuracy 1). */
    static final double SOLVED_LOSS = 0.05;

    private final int threads;

    XorStudy(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** The study's network for a configuration, seeded so that runs are reproducible. */
    static Sequential model(XorConfig config, long seed) {
        SeedGenerator.setGlobalSeed(seed);
        Sequential model = new Sequential();
        model.add(Input.shape(2));
        model.add(new Dense(config.hidden()));
        model.add(new Activation(config.activation()));
        model.add(new Dense(1));
        model.add(new Activation("sigmoid"));
        model.compile(config.loss(), config.optimizer(), "accuracy");
        return model;
    }

    /** Runs per configuration in the timing pass. */
    static final int TIMED_RUNS = 5;
    /**
     * Untimed epochs of each configuration right before its timed runs. A kernel used by one row only
     * (tanh) is called once or twice per epoch, and C2 compiles it after some thousands of calls:
     * until then the Vector API code runs boxed, 20 times slower.
     */
    static final int WARM_UP_EPOCHS = 50_000;

    /** The outcome of one seeded run; {@code losses} holds the loss of each of the configured epochs. */
    record Run(boolean success, int epochsToSolve, double finalLoss, double millis, List<Double> losses) {
    }

    /** Trains one seed: the configured epochs (timed), then on up to the cap to find when it solves. */
    static Run run(XorConfig config, long seed) {
        Sequential model = model(config, seed);
        Tensor x = Tensor.of(X);
        Tensor y = Tensor.of(Y);
        int[] solvedAt = {-1};
        Callback watch = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                if (solvedAt[0] < 0 && logs.get("accuracy") == 1.0 && logs.get("loss") < SOLVED_LOSS) {
                    solvedAt[0] = epoch + 1;
                }
            }
        };
        long start = System.nanoTime();
        var history = model.fit(x, y, FitOptions.builder().epochs(config.epochs()).verbose(0).callbacks(watch).build());
        double millis = (System.nanoTime() - start) / 1e6;
        float[][] out = model.predict(x, 32).toArray2d();
        boolean success = true;
        double loss = 0;
        for (int i = 0; i < 4; i++) {
            success &= (out[i][0] > 0.5f) == (Y[i][0] > 0.5f);
            loss += (out[i][0] - Y[i][0]) * (out[i][0] - Y[i][0]);
        }
        if (solvedAt[0] < 0 && config.epochs() < EPOCH_CAP) {
            Callback stopWhenSolved = new Callback() {
                @Override
                public void onEpochEnd(int epoch, Map<String, Double> logs) {
                    watch.onEpochEnd(epoch, logs);
                    if (solvedAt[0] >= 0) {
                        model.setStopTraining(true);
                    }
                }
            };
            model.fit(x, y, FitOptions.builder().epochs(EPOCH_CAP).initialEpoch(config.epochs()).verbose(0)
                    .callbacks(stopWhenSolved).build());
        }
        return new Run(success, solvedAt[0], loss / 4, millis, history.history().get("loss"));
    }

    /** Runs every configuration over seeds 0..seeds-1. */
    List<XorResult> run(List<XorConfig> configs, int seeds) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<XorResult> results = new ArrayList<>();
            for (XorConfig config : configs) {
                List<Future<Run>> futures = new ArrayList<>();
                for (int s = 0; s < seeds; s++) {
                    long seed = s;
                    futures.add(pool.submit(() -> run(config, seed)));
                }
                List<Run> runs = new ArrayList<>();
                for (Future<Run> f : futures) {
                    runs.add(f.get());
                }
                results.add(XorResult.of(config, runs));
            }
            return timed(configs, seeds, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("XOR study interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("XOR study run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The results with ms/run taken again once every configuration has run. In the first pass each
     * row's first runs also pay for the JIT compiling its kernels, and with every core training the
     * compiler threads get little time: with 5 seeds the tanh row read 100-230 ms per run against
     * 3 ms warm, so that column compared compilers rather than configurations. Here each configuration
     * first trains {@link #WARM_UP_EPOCHS} untimed epochs, then {@link #TIMED_RUNS} timed runs (seeds
     * 0, 1, ...), one at a time on this thread, which leaves a core to the compiler; only the median
     * time replaces the first pass's, every other number stays.
     */
    private static List<XorResult> timed(List<XorConfig> configs, int seeds, List<XorResult> results) {
        List<XorResult> timed = new ArrayList<>();
        for (int c = 0; c < configs.size(); c++) {
            XorConfig config = configs.get(c);
            for (int s = 0; s < (WARM_UP_EPOCHS + config.epochs() - 1) / config.epochs(); s++) {
                trainingMillis(config, s);
            }
            double[] millis = new double[Math.min(seeds, TIMED_RUNS)];
            for (int s = 0; s < millis.length; s++) {
                millis[s] = trainingMillis(config, s);
            }
            timed.add(results.get(c).withMsPerRun(median(millis)));
        }
        return timed;
    }

    /** Wall time of one silent training run of the configured epochs, model built beforehand. */
    private static double trainingMillis(XorConfig config, long seed) {
        Sequential model = model(config, seed);
        Tensor x = Tensor.of(X);
        Tensor y = Tensor.of(Y);
        long start = System.nanoTime();
        model.fit(x, y, FitOptions.builder().epochs(config.epochs()).verbose(0).build());
        return (System.nanoTime() - start) / 1e6;
    }

    /** Median of a sorted copy; NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
