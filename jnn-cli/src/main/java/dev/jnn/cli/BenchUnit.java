package dev.jnn.cli;

/**
 * The unit of a benchmark figure, and which direction is better. Ratios against a peer are always
 * "how many times faster jnn is": {@code peer / jnn} for times, {@code jnn / peer} for throughputs,
 * so that a ratio above 1 means jnn is faster whatever the unit.
 *
 * <pre>{@code
 * double r = BenchUnit.MILLISECONDS.speedup(120.0, 258.0);   // 2.15: jnn takes 120 ms, torch 258 ms
 * }</pre>
 */
enum BenchUnit {
    /** Wall time of one run; lower is better. */
    MILLISECONDS("ms", false),
    /** Throughput; higher is better. */
    SAMPLES_PER_SECOND("samples/s", true);

    private final String symbol;
    private final boolean higherIsBetter;

    BenchUnit(String symbol, boolean higherIsBetter) {
        this.symbol = symbol;
        this.higherIsBetter = higherIsBetter;
    }

    /** The unit as printed and as written in JSON ({@code "ms"}, {@code "samples/s"}). */
    String symbol() {
        return symbol;
    }

    /** How many times faster jnn is than the peer: {@code > 1} means jnn is faster. */
    double speedup(double jnn, double peer) {
        return higherIsBetter ? jnn / peer : peer / jnn;
    }
}
