package dev.jnn.models;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.tensor.Tensor;

/** Input validation shared by fit, evaluate and predict: sizes and non-finite values. */
final class DataChecks {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

    private DataChecks() {
    }

    static void sameLength(String method, Tensor x, Tensor y) {
        if (x.shape().rank() == 0 || y.shape().rank() == 0) {
            throw new IllegalArgumentException(method + ": x and y need a batch axis, got x " + x.shape()
                    + " and y " + y.shape());
        }
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException(method + ": x and y must have the same number of samples, got x with "
                    + x.rows() + " samples " + x.shape() + " and y with " + y.rows() + " samples " + y.shape());
        }
    }

    /** Throws naming the first row of {@code t} that holds NaN or an infinity. */
    static void finite(String method, String what, Tensor t) {
        float[] d = t.data();
        if (ELEMENTWISE.allFinite(d, 0, d.length)) {
            return;
        }
        int row = Math.max(1, t.rowSize());
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new IllegalArgumentException(method + ": " + what + " has a non-finite value (" + d[i]
                        + ") at row " + (i / row) + ", column " + (i % row));
            }
        }
    }

    static void weights(String method, float[] sampleWeight, int samples) {
        if (sampleWeight == null) {
            return;
        }
        if (sampleWeight.length != samples) {
            throw new IllegalArgumentException(method + ": sample_weight has " + sampleWeight.length
                    + " entries for " + samples + " samples");
        }
        for (int i = 0; i < sampleWeight.length; i++) {
            if (!Float.isFinite(sampleWeight[i]) || sampleWeight[i] < 0) {
                throw new IllegalArgumentException(method + ": sample_weight[" + i + "] must be finite and >= 0, got "
                        + sampleWeight[i]);
            }
        }
    }
}
