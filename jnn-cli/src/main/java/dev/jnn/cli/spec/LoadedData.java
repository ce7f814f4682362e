package dev.jnn.cli.spec;

import dev.jnn.data.Dataset;

/**
 * The prepared parts of a spec's data.
 *
 * @param train      the training samples
 * @param validation validation samples given to fit, or null
 * @param test       held-out samples evaluated after training, or null
 */
public record LoadedData(Dataset train, Dataset validation, Dataset test) {
}
