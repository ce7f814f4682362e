package dev.jnn.initializers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import java.util.Map;

/**
 * Generates a (semi-)orthogonal matrix, as Keras's {@code Orthogonal}.
 *
 * <p>The weight is seen as a matrix of {@code rows = shape[0]·...·shape[r-2]} by
 * {@code cols = shape[r-1]}. A standard normal matrix {@code A} of shape
 * {@code [max(rows, cols), min(rows, cols)]} is decomposed as {@code A = Q·R}; each column of
 * {@code Q} is multiplied by {@code sign(R[j][j])}, transposed when {@code rows < cols}, scaled by
 * {@code gain} and laid out row-major in {@code shape}. So {@code WᵀW = gain²·I} when
 * {@code rows >= cols}, and {@code W·Wᵀ = gain²·I} otherwise. Needs rank ≥ 2.
 *
 * <pre>{@code
 * Initializer init = new Orthogonal(1.0, 42L);
 * Tensor recurrentKernel = init.create(Shape.of(64, 256));   // orthonormal rows
 * }</pre>
 */
public final class Orthogonal extends RandomInitializer {
    private final double gain;

    /** Gain 1, seeded from the global stream. */
    public Orthogonal() {
        this(1.0, null);
    }

    /** Multiplies the orthogonal matrix by {@code gain}; a null {@code seed} is drawn from the global stream. */
    public Orthogonal(double gain, Long seed) {
        // Checked before super() so that a rejected initializer does not consume a global seed.
        if (!Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain must be finite, got " + gain);
        }
        super(seed);
        this.gain = gain;
    }

    public double gain() {
        return gain;
    }

    @Override
    public String name() {
        return "orthogonal";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        if (shape.rank() < 2) {
            throw new IllegalArgumentException("orthogonal: shape must have rank >= 2, got " + shape
                    + " of rank " + shape.rank());
        }
        int cols = shape.dim(-1);
        int rows = shape.size() / Math.max(cols, 1);
        if (cols == 0 || rows == 0) {
            return;
        }
        int tall = Math.max(rows, cols);
        int narrow = Math.min(rows, cols);
        double[] a = new double[tall * narrow];
        RandomStream random = newRandom();
        for (int i = 0; i < a.length; i++) {
            a[i] = SeedGenerator.nextGaussian(random);
        }
        fill(a, rows, cols, gain, out);
    }

    /**
     * Writes {@code gain·Q} (or its transpose when {@code rows < cols}) of the normal matrix
     * {@code a} of shape {@code [max(rows, cols), min(rows, cols)]} into {@code out}; {@code a} is
     * overwritten. Separate from the sampling so tests can compare with Keras on a fixed matrix.
     */
    static void fill(double[] a, int rows, int cols, double gain, float[] out) {
        double[] q = HouseholderQr.orthonormalColumns(a, Math.max(rows, cols), Math.min(rows, cols));
        if (rows >= cols) {
            for (int i = 0; i < q.length; i++) {
                out[i] = (float) (gain * q[i]);
            }
        } else {
            // Keras transposes Q ([cols, rows]) so that the rows of the weight are orthonormal.
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] = (float) (gain * q[c * rows + r]);
                }
            }
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("gain", gain);
    }
}
