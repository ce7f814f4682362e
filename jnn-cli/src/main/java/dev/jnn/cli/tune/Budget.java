package dev.jnn.cli.tune;

/**
 * How much a search may do: at most {@code trials} trials (null: the strategy's default) and no
 * trial (or rung) started after {@code seconds} (null: no time limit), on {@code threads} threads.
 *
 * @param trials  trial limit, or null
 * @param seconds time limit in seconds, or null
 * @param threads trials trained in parallel
 */
public record Budget(Integer trials, Double seconds, int threads) {
    /** The trial limit, or {@code fallback} when none was given. */
    public int trialsOr(int fallback) {
        return trials != null ? trials : fallback;
    }
}
