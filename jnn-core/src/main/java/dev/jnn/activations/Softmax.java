package dev.jnn.activations;

/**
 * Keras {@code softmax(x, axis=-1)}: each row of {@code cols} values becomes a probability
 * distribution, {@code y_j = exp(x_j - m) / Σ_k exp(x_k - m)} with {@code m = max_k x_k}; subtracting
 * the row maximum changes nothing mathematically but keeps {@code exp} from overflowing.
 *
 * <p>Backward (Jacobian {@code diag(y) - y yᵀ}, symmetric):
 * {@code dx_j = y_j · (dy_j - Σ_k dy_k y_k)}.
 *
 * <pre>{@code
 * var f = Activations.softmax();
 * float[] y = new float[6];
 * f.forward(logits, y, 2, 3);     // two rows of three probabilities, each row sums to 1
 * }</pre>
 */
public record Softmax() implements ActivationFunction {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void forward(float[] x, float[] y, int rows, int cols) {
        Blocks.checkedSize(name(), rows, cols, x, y);
        for (int r = 0, start = 0; r < rows; r++, start += cols) {
            int end = start + cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                max = Math.max(max, x[i]);
            }
            double sum = 0.0;
            for (int i = start; i < end; i++) {
                double e = Math.exp(x[i] - max);
                y[i] = (float) e;
                sum += e;
            }
            // Only y is read from here on, so y may alias x.
            for (int i = start; i < end; i++) {
                y[i] = (float) (y[i] / sum);
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        for (int r = 0, start = 0; r < rows; r++, start += cols) {
            int end = start + cols;
            double dot = 0.0;
            for (int i = start; i < end; i++) {
                dot += (double) dy[i] * y[i];
            }
            for (int i = start; i < end; i++) {
                dx[i] = (float) (y[i] * (dy[i] - dot));
            }
        }
    }
}
