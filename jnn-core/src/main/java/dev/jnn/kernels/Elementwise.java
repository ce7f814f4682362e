package dev.jnn.kernels;

/**
 * Element-wise and row-wise loops over {@code float[]} ranges: the activations, reductions and
 * update rules that training runs on every value of every batch.
 *
 * <p>Each array argument comes with an offset; {@code length} values are read or written from
 * there. Row-wise operations see a row-major block of {@code rows × cols} values starting at the
 * offset. An output may be the same array and offset as an input of the same operation (in-place
 * use); partially overlapping ranges are not supported. A range that does not fit its array throws
 * {@link IllegalArgumentException} before anything is written.
 *
 * <p>Results are float32. The scalar implementation evaluates transcendental functions in double
 * and rounds once; faster backends may differ by a few float ulps (about 2e-7 relative).
 *
 * <pre>{@code
 * Elementwise k = ElementwiseKernels.get();
 * k.sigmoid(z, 0, a, 0, z.length);                 // a = 1 / (1 + exp(-z))
 * k.sigmoidBackward(a, 0, da, 0, dz, 0, a.length); // dz = da · a · (1 - a)
 * }</pre>
 */
public interface Elementwise {
    /** The backend's name: {@code "scalar"} or {@code "vector"}. */
    String name();

    /** {@code y = max(x, 0)}; NaN stays NaN. */
    void relu(float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code dx = x > 0 ? dy : 0} (the ReLU derivative at 0 is taken as 0, as in Keras). */
    void reluBackward(float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length);

    /** {@code y = 1 / (1 + exp(-x))}, without overflow for large negative x. */
    void sigmoid(float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code dx = dy · y · (1 - y)}, from the sigmoid's output {@code y}. */
    void sigmoidBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length);

    /** {@code y = tanh(x)}, with {@code tanh(x) ≈ x} kept exact-to-rounding near 0. */
    void tanh(float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code dx = dy · (1 - y²)}, from the tanh output {@code y}. */
    void tanhBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length);

    /** SiLU (swish): {@code y = x · sigmoid(x)}. */
    void silu(float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code dx = dy · s · (1 + x · (1 - s))} with {@code s = sigmoid(x)}, from the input {@code x}. */
    void siluBackward(float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length);

    /** ELU: {@code y = x > 0 ? x : alpha · expm1(x)}. */
    void elu(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code dx = x > 0 ? dy : dy · alpha · exp(x)}, from the input {@code x}. */
    void eluBackward(float alpha, float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                     int length);

    /** {@code y = exp(x)}: +∞ above about 88.72, 0 below about -103.97. */
    void exp(float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code y = ln(x)}: -∞ at ±0, NaN below 0, +∞ at +∞. */
    void log(float[] x, int xOffset, float[] y, int yOffset, int length);

    /**
     * Softmax of each row: {@code y_j = exp(x_j - m) / Σ_k exp(x_k - m)} with {@code m} the row's
     * maximum, so large logits do not overflow. Rows of a block with {@code cols = 0} are empty.
     */
    void softmaxRows(float[] x, int xOffset, float[] y, int yOffset, int rows, int cols);

    /**
     * Softmax backward of each row, from the output {@code y}:
     * {@code dx_j = y_j · (dy_j - Σ_k dy_k · y_k)}.
     */
    void softmaxRowsBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                             int rows, int cols);

    /** Adds {@code bias[c]} to column {@code c} of every row: {@code y[r, c] += bias[c]}. */
    void addBiasRows(float[] bias, int biasOffset, float[] y, int yOffset, int rows, int cols);

    /**
     * Column sums, {@code sums[c] = Σ_r x[r, c]} (the bias gradient of a dense layer), or
     * {@code sums[c] += Σ_r x[r, c]} when {@code accumulate}.
     */
    void columnSums(float[] x, int xOffset, float[] sums, int sumsOffset, int rows, int cols, boolean accumulate);

    /** BLAS axpy: {@code y += alpha · x}. */
    void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code y = alpha · x}. */
    void scale(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code y = a + b}. */
    void add(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length);

    /** {@code y = a · b}, element by element. */
    void multiply(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length);

    /** {@code y += a · b}, element by element (a product then a sum, each rounded: no fused multiply-add). */
    void multiplyAdd(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length);

    /** Whether every value of {@code x[offset, offset + length)} is finite (no NaN, no infinity). */
    boolean allFinite(float[] x, int offset, int length);

    /**
     * One Keras Adam step on {@code length} values starting at {@code offset} of each array:
     * <pre>
     *   m += (g - m) · oneMinusBeta1
     *   v += (g² - v) · oneMinusBeta2
     *   w -= m · alpha / (sqrt(v) + epsilon)
     * </pre>
     * where the caller folds the bias corrections into {@code alpha = lr · sqrt(1 - β2ᵗ) / (1 - β1ᵗ)}.
     * Every backend evaluates exactly these float operations in this order (no fused multiply-add),
     * so all give bit-identical results.
     */
    void adam(float[] w, float[] g, float[] m, float[] v, int offset, int length,
              float alpha, float oneMinusBeta1, float oneMinusBeta2, float epsilon);
}
