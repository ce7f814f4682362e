package dev.jnn.activations;

/**
 * Keras {@code log_softmax(x, axis=-1)}: over each row of {@code cols} values,
 * {@code y_j = x_j - m - log Σ_k exp(x_k - m)} with {@code m = max_k x_k} (the log-sum-exp trick, so
 * neither overflow nor {@code log 0} occurs).
 *
 * <p>Backward: {@code dx_j = dy_j - exp(y_j) · Σ_k dy_k}, since {@code exp(y)} is the softmax.
 *
 * <pre>{@code
 * var f = Activations.logSoftmax();
 * f.forward(logits, y, batch, classes);   // log-probabilities, exp of each row sums to 1
 * }</pre>
 */
public record LogSoftmax() implements ActivationFunction {
    @Override
    public String name() {
        return "log_softmax";
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
                sum += Math.exp(x[i] - max);
            }
            double logNormaliser = max + Math.log(sum);
            for (int i = start; i < end; i++) {
                y[i] = (float) (x[i] - logNormaliser);
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        for (int r = 0, start = 0; r < rows; r++, start += cols) {
            int end = start + cols;
            double dySum = 0.0;
            for (int i = start; i < end; i++) {
                dySum += dy[i];
            }
            for (int i = start; i < end; i++) {
                dx[i] = (float) (dy[i] - Math.exp(y[i]) * dySum);
            }
        }
    }
}
