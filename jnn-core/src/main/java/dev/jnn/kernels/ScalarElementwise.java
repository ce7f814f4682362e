package dev.jnn.kernels;

/**
 * The plain-Java element-wise kernels: the test oracle for {@code VectorElementwise} and the
 * fallback when the Vector API is absent or {@code -Djnn.backend=scalar}.
 *
 * <p>One loop per operation, front to back over contiguous memory. Transcendental functions are
 * evaluated in double with {@link Math} and rounded to float once, so results are the correctly
 * rounded float32 value or within one rounding of it. Sums (softmax, column sums) also accumulate in
 * double. Writing {@code y[i]} only after reading every input at {@code i} makes in-place calls safe.
 */
final class ScalarElementwise implements Elementwise {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void relu(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            // Math.max keeps NaN and maps -0 to +0, like torch.relu.
            y[yOffset + i] = Math.max(x[xOffset + i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        for (int i = 0; i < length; i++) {
            dx[dxOffset + i] = x[xOffset + i] > 0f ? dy[dyOffset + i] : 0f;
        }
    }

    @Override
    public void sigmoid(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = (float) sigmoid(x[xOffset + i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                                int length) {
        Ranges.check("y", y, yOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        for (int i = 0; i < length; i++) {
            double s = y[yOffset + i];
            dx[dxOffset + i] = (float) (dy[dyOffset + i] * (s * (1.0 - s)));
        }
    }

    @Override
    public void tanh(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = (float) Math.tanh(x[xOffset + i]);
        }
    }

    @Override
    public void tanhBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length) {
        Ranges.check("y", y, yOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        for (int i = 0; i < length; i++) {
            double t = y[yOffset + i];
            dx[dxOffset + i] = (float) (dy[dyOffset + i] * (1.0 - t * t));
        }
    }

    @Override
    public void silu(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            double v = x[xOffset + i];
            y[yOffset + i] = (float) (v * sigmoid(v));
        }
    }

    @Override
    public void siluBackward(float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        for (int i = 0; i < length; i++) {
            double v = x[xOffset + i];
            double s = sigmoid(v);
            dx[dxOffset + i] = (float) (dy[dyOffset + i] * (s * (1.0 + v * (1.0 - s))));
        }
    }

    @Override
    public void elu(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            double v = x[xOffset + i];
            y[yOffset + i] = (float) (v > 0 ? v : alpha * Math.expm1(v));
        }
    }

    @Override
    public void eluBackward(float alpha, float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                            int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        for (int i = 0; i < length; i++) {
            double v = x[xOffset + i];
            double slope = v > 0 ? 1.0 : alpha * Math.exp(v);
            dx[dxOffset + i] = (float) (dy[dyOffset + i] * slope);
        }
    }

    @Override
    public void exp(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = (float) Math.exp(x[xOffset + i]);
        }
    }

    @Override
    public void log(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = (float) Math.log(x[xOffset + i]);
        }
    }

    @Override
    public void softmaxRows(float[] x, int xOffset, float[] y, int yOffset, int rows, int cols) {
        int size = Ranges.block(rows, cols);
        Ranges.check("x", x, xOffset, size);
        Ranges.check("y", y, yOffset, size);
        for (int r = 0; r < rows; r++) {
            int in = xOffset + r * cols;
            int out = yOffset + r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[in + c]);
            }
            double sum = 0.0;
            for (int c = 0; c < cols; c++) {
                double e = Math.exp(x[in + c] - max);
                y[out + c] = (float) e;
                sum += e;
            }
            // Only y is read from here on, so y may be x.
            for (int c = 0; c < cols; c++) {
                y[out + c] = (float) (y[out + c] / sum);
            }
        }
    }

    @Override
    public void softmaxRowsBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                                    int rows, int cols) {
        int size = Ranges.block(rows, cols);
        Ranges.check("y", y, yOffset, size);
        Ranges.check("dy", dy, dyOffset, size);
        Ranges.check("dx", dx, dxOffset, size);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            double dot = 0.0;
            for (int c = 0; c < cols; c++) {
                dot += (double) dy[dyOffset + row + c] * y[yOffset + row + c];
            }
            for (int c = 0; c < cols; c++) {
                dx[dxOffset + row + c] = (float) (y[yOffset + row + c] * (dy[dyOffset + row + c] - dot));
            }
        }
    }

    @Override
    public void addBiasRows(float[] bias, int biasOffset, float[] y, int yOffset, int rows, int cols) {
        int size = Ranges.block(rows, cols);
        Ranges.check("bias", bias, biasOffset, cols);
        Ranges.check("y", y, yOffset, size);
        for (int r = 0; r < rows; r++) {
            int row = yOffset + r * cols;
            for (int c = 0; c < cols; c++) {
                y[row + c] += bias[biasOffset + c];
            }
        }
    }

    @Override
    public void columnSums(float[] x, int xOffset, float[] sums, int sumsOffset, int rows, int cols,
                           boolean accumulate) {
        int size = Ranges.block(rows, cols);
        Ranges.check("x", x, xOffset, size);
        Ranges.check("sums", sums, sumsOffset, cols);
        for (int c = 0; c < cols; c++) {
            double sum = accumulate ? sums[sumsOffset + c] : 0.0;
            for (int r = 0; r < rows; r++) {
                sum += x[xOffset + r * cols + c];
            }
            sums[sumsOffset + c] = (float) sum;
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = alpha * x[xOffset + i];
        }
    }

    @Override
    public void add(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length) {
        Ranges.check("a", a, aOffset, length);
        Ranges.check("b", b, bOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    @Override
    public void multiply(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length) {
        Ranges.check("a", a, aOffset, length);
        Ranges.check("b", b, bOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    @Override
    public void multiplyAdd(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length) {
        Ranges.check("a", a, aOffset, length);
        Ranges.check("b", b, bOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i++) {
            y[yOffset + i] += a[aOffset + i] * b[bOffset + i];
        }
    }

    @Override
    public boolean allFinite(float[] x, int offset, int length) {
        Ranges.check("x", x, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int offset, int length,
                     float alpha, float oneMinusBeta1, float oneMinusBeta2, float epsilon) {
        Ranges.check("w", w, offset, length);
        Ranges.check("g", g, offset, length);
        Ranges.check("m", m, offset, length);
        Ranges.check("v", v, offset, length);
        for (int i = offset; i < offset + length; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            v[i] += (gi * gi - v[i]) * oneMinusBeta2;
            w[i] -= m[i] * alpha / ((float) Math.sqrt(v[i]) + epsilon);
        }
    }

    /** {@code 1 / (1 + exp(-x))}; for negative x as {@code exp(x) / (1 + exp(x))} so nothing overflows. */
    private static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
