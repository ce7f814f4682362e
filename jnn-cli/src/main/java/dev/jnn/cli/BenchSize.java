package dev.jnn.cli;

/**
 * How big and how long a benchmark run is: the warm-up policy, the number of timed repeats and the
 * workload sizes. {@link #FULL} matches the anchors (PyTorch's {@code bench.py}); {@link #QUICK} is a
 * smoke test whose timings mean nothing.
 *
 * <pre>{@code
 * BenchSize size = quick ? BenchSize.QUICK : BenchSize.FULL;
 * double ms = new WarmTimer(size).medianMillis(() -> train());
 * }</pre>
 *
 * @param label          "full" or "quick", printed in the header
 * @param warmupSeconds  keep warming up until at least this much time has passed, so that C2 has
 *                       compiled the hot loops before anything is timed
 * @param warmupRuns     and at least this many untimed runs
 * @param repeats        timed runs; the median is reported
 * @param xorEpochs      epochs of one XOR training run
 * @param trainSamples   synthetic samples of one MLP training epoch
 * @param inferSamples   synthetic samples of one MLP inference pass
 */
record BenchSize(String label, double warmupSeconds, int warmupRuns, int repeats, int xorEpochs, int trainSamples,
                 int inferSamples) {

    /** The anchors' sizes: 5 timed repeats, 1000 XOR epochs, 60,000 MLP samples; warm-up of 3 s or more. */
    static final BenchSize FULL = new BenchSize("full", 3.0, 1, 5, 1000, 60_000, 60_000);

    /** Tiny sizes for a smoke test: no timed warm-up, 2 repeats. */
    static final BenchSize QUICK = new BenchSize("quick", 0.0, 1, 2, 20, 512, 1024);

    BenchSize {
        if (!(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("warmupSeconds must be >= 0, got " + warmupSeconds);
        }
        if (warmupRuns < 0) {
            throw new IllegalArgumentException("warmupRuns must be >= 0, got " + warmupRuns);
        }
        if (repeats <= 0) {
            throw new IllegalArgumentException("repeats must be > 0, got " + repeats);
        }
        if (xorEpochs <= 0) {
            throw new IllegalArgumentException("xorEpochs must be > 0, got " + xorEpochs);
        }
        if (trainSamples <= 0) {
            throw new IllegalArgumentException("trainSamples must be > 0, got " + trainSamples);
        }
        if (inferSamples <= 0) {
            throw new IllegalArgumentException("inferSamples must be > 0, got " + inferSamples);
        }
    }
}
