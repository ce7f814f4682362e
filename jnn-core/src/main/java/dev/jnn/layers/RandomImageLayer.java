package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import java.util.List;

/**
 * The random augmentation layers (RandomFlip, RandomRotation, ...): at inference they pass their input
 * through; in training each call draws its parameters (per image, or per batch where Keras draws
 * one) from the layer's seeded stream and applies Keras's transform for them. The draws are not
 * Keras's random stream, but the transform given the drawn numbers is Keras's; tests fix the numbers
 * with {@link #fixParameters} to compare with Keras's transform for the same ones.
 */
abstract class RandomImageLayer extends ImageLayer {
    private final RandomStream random;
    private float[] fixed;

    RandomImageLayer(DataFormat dataFormat, Long seed) {
        super(dataFormat);
        this.random = SeedGenerator.newRandom(seed);
    }

    @Override
    boolean acts(boolean training) {
        return training;
    }

    @Override
    public List<RandomStream> randomStreams() {
        return List.of(random);
    }

    /** How many numbers a call on {@code batch} images draws (the flat layout {@link #fixParameters} takes). */
    abstract int parameterCount(int batch);

    /** Draws the numbers of a call on {@code batch} images into {@code out} ({@link #parameterCount} of them). */
    abstract void draw(RandomStream random, float[] out, int batch);

    /** Test hook: later training calls use these numbers (laid out as {@link #draw} writes them). */
    final void fixParameters(float... values) {
        fixed = values.clone();
    }

    /** The numbers for a call on {@code batch} images, into {@code out}: drawn, or the fixed ones. */
    final void parameters(float[] out, int batch) {
        if (fixed == null) {
            draw(random, out, batch);
            return;
        }
        int needed = parameterCount(batch);
        if (fixed.length < needed) {
            throw new IllegalStateException(className() + " \"" + name() + "\": " + fixed.length
                    + " fixed parameters for a batch needing " + needed);
        }
        System.arraycopy(fixed, 0, out, 0, needed);
    }

    /** Keras's {@code random.uniform(minval=low, maxval=high)}: a float in [low, high). */
    static float uniform(RandomStream random, double low, double high) {
        return (float) (low + (high - low) * random.nextDouble());
    }
}
