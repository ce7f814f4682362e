package dev.jnn.data;

import dev.jnn.tensor.Tensor;

/**
 * Per-feature standardization {@code (x - mean) / max(std, 1e-7)} with statistics computed on one
 * dataset and applied to others (fit on training data, apply to validation and test data). As in
 * Keras's {@code Normalization} layer, {@code std} is the population standard deviation and is
 * floored at {@code 1e-7} so constant features become 0.
 *
 * <pre>{@code
 * Standardization st = train.fitStandardization();
 * Dataset trainN = st.apply(train), testN = st.apply(test);
 * }</pre>
 *
 * @param mean per-feature mean, one value per element of a sample
 * @param std per-feature population standard deviation
 */
public record Standardization(float[] mean, float[] std) {
    private static final double EPSILON = 1e-7;

    /** Validates that both arrays exist and have the same length. */
    public Standardization {
        if (mean == null || std == null || mean.length != std.length) {
            throw new IllegalArgumentException("standardization: mean and std must have equal lengths");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Computes the statistics of {@code x} (shape {@code [n, ...]}, n > 0) over axis 0, in double. */
    public static Standardization fit(Tensor x) {
        int n = x.rows();
        if (n == 0) {
            throw new IllegalArgumentException("standardization: cannot fit on 0 samples " + x.shape());
        }
        int f = x.rowSize();
        float[] d = x.data();
        double[] sum = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                sum[j] += d[i * f + j];
            }
        }
        double[] m = new double[f];
        for (int j = 0; j < f; j++) {
            m[j] = sum[j] / n;
        }
        double[] sq = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double c = d[i * f + j] - m[j];
                sq[j] += c * c;
            }
        }
        float[] mean = new float[f];
        float[] std = new float[f];
        for (int j = 0; j < f; j++) {
            mean[j] = (float) m[j];
            std[j] = (float) Math.sqrt(sq[j] / n);
        }
        return new Standardization(mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** {@code (x - mean) / max(std, 1e-7)} per feature; x must have as many elements per sample. */
    public Tensor apply(Tensor x) {
        int f = mean.length;
        if (x.rowSize() != f || x.shape().rank() == 0) {
            throw new IllegalArgumentException("standardization: fitted on " + f + " features per sample, got "
                    + x.shape());
        }
        float[] d = x.data();
        float[] out = new float[d.length];
        float[] divisor = new float[f];
        for (int j = 0; j < f; j++) {
            divisor[j] = (float) Math.max(std[j], EPSILON);
        }
        for (int i = 0; i < d.length; i += f) {
            for (int j = 0; j < f; j++) {
                out[i + j] = (d[i + j] - mean[j]) / divisor[j];
            }
        }
        return new Tensor(x.shape(), out);
    }

    /** The dataset with its features standardized; y unchanged. */
    public Dataset apply(Dataset data) {
        return data.withX(apply(data.x()));
    }
}
