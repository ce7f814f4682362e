package dev.jnn.cli;

import dev.jnn.data.Dataset;
import dev.jnn.models.Sequential;
import java.io.IOException;

/**
 * One runnable example of {@code jnn example NAME}: where its data comes from, the model, and how it
 * is trained, with the defaults that reach the accuracy the example promises.
 */
interface Example {
    /** The name on the command line, e.g. {@code "iris"}. */
    String name();

    /** One line saying what is trained on what. */
    String description();

    /** The accuracy on the held-out data that the default settings reach. */
    double expectedAccuracy();

    /** Training epochs with the default settings. */
    int epochs();

    /** Samples per gradient update. */
    int batchSize();

    /** The training and held-out test data, prepared for the model (scaled, reshaped). */
    Data load(long seed) throws IOException;

    /** The compiled, seeded model. */
    Sequential model(long seed);

    /** Training and test data of an example. */
    record Data(Dataset train, Dataset test) {
    }
}
