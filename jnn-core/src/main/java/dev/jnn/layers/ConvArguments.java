package dev.jnn.layers;

import java.util.List;

/** Validation of convolution arguments shared by the Conv layers' configs, with Keras's rules. */
final class ConvArguments {
    private ConvArguments() {
    }

    /** An immutable copy of {@code values}, which must hold {@code rank} positive integers. */
    static List<Integer> tuple(String layer, String argument, List<Integer> values, int rank) {
        if (values == null || values.size() != rank) {
            throw new IllegalArgumentException(layer + ": " + argument + " must have " + rank
                    + " value(s), got " + values);
        }
        for (Integer v : values) {
            if (v == null || v <= 0) {
                throw new IllegalArgumentException(layer + ": " + argument + " values must be > 0, got " + values);
            }
        }
        return List.copyOf(values);
    }

    /** Keras's checks on filters and on strides combined with dilation. */
    static void check(String layer, int filters, List<Integer> strides, List<Integer> dilationRate) {
        if (filters <= 0) {
            throw new IllegalArgumentException(layer + ": filters must be > 0, got " + filters);
        }
        int maxStride = strides.stream().mapToInt(Integer::intValue).max().orElse(1);
        int maxDilation = dilationRate.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (maxStride > 1 && maxDilation > 1) {
            throw new IllegalArgumentException(layer + ": strides > 1 not supported in conjunction with dilation_rate > 1, got strides="
                    + strides + " and dilation_rate=" + dilationRate);
        }
    }
}
