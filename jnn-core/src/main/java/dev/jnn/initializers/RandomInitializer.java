package dev.jnn.initializers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of the random initializers: owns the seed, as Keras's {@code RandomInitializer} does.
 *
 * <p>Like Keras, an unseeded initializer draws its seed once, when it is constructed (here from
 * {@link SeedGenerator}'s global stream, so {@code SeedGenerator.setGlobalSeed} makes it
 * reproducible); every call then gives the same values. A layer therefore needs its own instance:
 * two layers sharing one unseeded initializer get identical weights for equal shapes.
 *
 * <p>Two random initializers are equal when they have the same class and the same
 * {@link #config()} (the user's seed, not the drawn one), which is what a config round trip keeps.
 */
public abstract class RandomInitializer implements Initializer {
    private final Long seed;
    private final long effectiveSeed;

    /** Keeps {@code seed}, or draws one from the global stream when it is null. */
    protected RandomInitializer(Long seed) {
        this.seed = seed;
        this.effectiveSeed = seed != null ? seed : SeedGenerator.nextSeed();
    }

    /** The seed the user gave, or {@code null} when it was drawn from the global stream. */
    public final Long seed() {
        return seed;
    }

    /** A fresh generator at the start of this initializer's stream: every call draws the same values. */
    protected final RandomStream newRandom() {
        return SeedGenerator.newRandom(effectiveSeed);
    }

    /** {@code {"seed": seed}} followed by the subclass's entries, in Keras's key order. */
    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("seed", seed);
        addConfig(config);
        return Collections.unmodifiableMap(config);
    }

    /** Appends the subclass's config entries after {@code "seed"}. */
    protected abstract void addConfig(Map<String, Object> config);

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Initializer) o).config().equals(config());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + config().hashCode();
    }

    @Override
    public String toString() {
        return className() + config();
    }
}
