package dev.jnn.initializers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;

/** The three distributions the random initializers draw from, computed in double, stored as float. */
final class Sampling {
    /** Truncation point of Keras's truncated normal, in standard deviations. */
    static final double TRUNCATION = 2.0;

    private Sampling() {
    }

    /** {@code U[min, max)}: {@code min + (max - min)·u}. */
    static void uniform(RandomStream random, double min, double max, float[] out) {
        double width = max - min;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (min + width * random.nextDouble());
        }
    }

    /** {@code N(mean, stddev²)}. */
    static void normal(RandomStream random, double mean, double stddev, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (mean + stddev * SeedGenerator.nextGaussian(random));
        }
    }

    /**
     * {@code N(mean, stddev²)} restricted to {@code [mean - 2·stddev, mean + 2·stddev]}: a draw outside
     * is discarded and redrawn, as Keras does, so about 4.6% of the draws are repeated.
     */
    static void truncatedNormal(RandomStream random, double mean, double stddev, float[] out) {
        for (int i = 0; i < out.length; i++) {
            double z;
            do {
                z = SeedGenerator.nextGaussian(random);
            } while (Math.abs(z) > TRUNCATION);
            out[i] = (float) (mean + stddev * z);
        }
    }
}
