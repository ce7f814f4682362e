package dev.jnn.activations;

import dev.jnn.kernels.ElementwiseKernels;

/**
 * Keras {@code softmax(x, axis=-1)}: each row of {@code cols} values becomes a probability
 * distribution, {@code y_j = exp(x_j - m) / Σ_k exp(x_k - m)} with {@code m = max_k x_k}; subtracting
 * the row maximum changes nothing mathematically but keeps {@code exp} from overflowing.
 *
 * <p>Backward (Jacobian {@code diag(y) - y yᵀ}, symmetric):
 * {@code dx_j = y_j · (dy_j - Σ_k dy_k y_k)}.
 *
 * <p>Both run on the row-wise kernels {@link dev.jnn.kernels.Elementwise#softmaxRows} and
 * {@link dev.jnn.kernels.Elementwise#softmaxRowsBackward}; a large forward block is shared among the
 * kernel threads by rows.
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
        SoftmaxRows.forward(x, y, rows, cols);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        ElementwiseKernels.get().softmaxRowsBackward(y, 0, dy, 0, dx, 0, rows, cols);
    }
}
