package dev.jnn.activations;

import dev.jnn.kernels.ElementwiseKernels;
import java.util.Map;

/**
 * Keras {@code elu(x, alpha=1.0)}: {@code f(x) = x} for {@code x > 0}, else
 * {@code alpha · (exp(x) - 1)} (computed with {@code expm1} to keep small inputs exact);
 * {@code f'(x) = 1} for {@code x > 0}, else {@code alpha · exp(x)}.
 *
 * <p>Blocks run on the vectorised {@link dev.jnn.kernels.Elementwise#elu} kernel (float32, within
 * 3e-7 relative); {@link #apply} is the double-precision formula.
 *
 * <pre>{@code
 * var f = Activations.elu(0.5f);
 * f.apply(-1.0);                 // 0.5 · (e⁻¹ - 1) = -0.316...
 * }</pre>
 *
 * @param alpha scale of the negative part (Keras {@code alpha})
 */
public record Elu(float alpha) implements ElementwiseActivation {
    public Elu {
        if (!Float.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
    }

    /** {@code alpha = 1.0}, the Keras default. */
    public Elu() {
        this(1.0f);
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public void forward(float[] x, float[] y, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y);
        ElementwiseKernels.get().elu(alpha, x, 0, y, 0, size);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        ElementwiseKernels.get().eluBackward(alpha, x, 0, dy, 0, dx, 0, size);
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : alpha * Math.exp(x);
    }

    /** {@code alpha}. */
    @Override
    public Map<String, Object> config() {
        return Map.of("alpha", alpha);
    }
}
