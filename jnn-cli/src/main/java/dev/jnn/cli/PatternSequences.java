package dev.jnn.cli;

import dev.jnn.data.Dataset;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.layers.LSTM;
import dev.jnn.models.CompileOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * {@code jnn example digit-pattern}: a sequence task generated from the seed, no files needed. Each
 * sample is 20 random digits, one-hot ({@code [20, 10]}); the label is 1 when the digits 3, 1, 4 appear
 * one after the other somewhere in the sequence. Half the samples get the pattern at a random place,
 * the other half are drawn until they do not contain it. An LSTM(32) reads the sequence and a sigmoid
 * unit answers: it has to remember the last two digits across the whole sequence, which a model that
 * only counts digits cannot do.
 */
final class PatternSequences implements Example {
    static final int STEPS = 20;
    static final int DIGITS = 10;
    private static final int[] PATTERN = {3, 1, 4};
    private static final int TRAIN = 4000;
    private static final int TEST = 1000;

    @Override
    public String name() {
        return "digit-pattern";
    }

    @Override
    public String description() {
        return "does a sequence of 20 random digits contain 3, 1, 4 in a row? LSTM(32) + sigmoid, generated data";
    }

    @Override
    public double expectedAccuracy() {
        return 0.99;
    }

    @Override
    public int epochs() {
        return 8;
    }

    @Override
    public int batchSize() {
        return 32;
    }

    @Override
    public Data load(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Data(generate(TRAIN, random), generate(TEST, random));
    }

    @Override
    public Sequential model(long seed) {
        SeedGenerator.setGlobalSeed(seed);
        Sequential model = new Sequential(Input.shape(STEPS, DIGITS), new LSTM(32), new Dense(1, "sigmoid"));
        model.compile(CompileOptions.builder().loss("binary_crossentropy").optimizer(new Adam(0.01f))
                .metrics("accuracy").build());
        return model;
    }

    /** {@code n} one-hot sequences {@code [STEPS, DIGITS]} and their labels {@code [n, 1]}, half positive. */
    static Dataset generate(int n, SplittableRandom random) {
        float[] x = new float[n * STEPS * DIGITS];
        float[] y = new float[n];
        int[] digits = new int[STEPS];
        for (int i = 0; i < n; i++) {
            boolean positive = i % 2 == 0;
            do {
                for (int t = 0; t < STEPS; t++) {
                    digits[t] = random.nextInt(DIGITS);
                }
                if (positive) {
                    int at = random.nextInt(STEPS - PATTERN.length + 1);
                    System.arraycopy(PATTERN, 0, digits, at, PATTERN.length);
                }
            } while (!positive && containsPattern(digits));
            for (int t = 0; t < STEPS; t++) {
                x[(i * STEPS + t) * DIGITS + digits[t]] = 1f;
            }
            y[i] = positive ? 1f : 0f;
        }
        return new Dataset(new Tensor(Shape.of(n, STEPS, DIGITS), x), new Tensor(Shape.of(n, 1), y));
    }

    static boolean containsPattern(int[] digits) {
        for (int t = 0; t + PATTERN.length <= digits.length; t++) {
            if (digits[t] == PATTERN[0] && digits[t + 1] == PATTERN[1] && digits[t + 2] == PATTERN[2]) {
                return true;
            }
        }
        return false;
    }
}
