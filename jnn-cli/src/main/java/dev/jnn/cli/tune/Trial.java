package dev.jnn.cli.tune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished trial of a search.
 *
 * @param index   the trial's number, from 0, in the order the strategy proposed it
 * @param seed    the seed its weights, shuffling and dropout came from
 * @param params  its hyperparameter values, in the space's order
 * @param score   the objective's best value over its epochs (NaN when it never logged a number)
 * @param epochs  epochs trained
 * @param rung    the last successive-halving rung it trained in (0 for random and grid search)
 * @param seconds wall time of its training
 */
public record Trial(int index, long seed, Map<String, Object> params, double score, int epochs, int rung,
                    double seconds) {
    public Trial {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The seed of trial {@code index} of a search seeded {@code seed}: SplitMix64 of the pair, so
     * neighbouring trials get unrelated streams; below 2^31 so spec files can hold it.
     */
    public static long seed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z >>> 33;
    }
}
