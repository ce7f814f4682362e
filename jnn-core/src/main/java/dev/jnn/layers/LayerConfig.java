package dev.jnn.layers;

/** The immutable configuration of a layer; implemented by each layer's {@code Config} record. */
public interface LayerConfig {
}
