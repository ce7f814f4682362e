package dev.jnn.losses;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * A loss function with Keras's {@code sum_over_batch_size} reduction and sample weights.
 *
 * <p>Subclasses compute one value per position (every axis of {@code yPred} but the last; for a
 * [batch, units] output that is one value per sample) and its gradient. {@link #compute} then forms
 * {@code sum_i(w_i · loss_i) / N}, N being the number of positions, as Keras does (sample weights
 * scale the values but do not change the divisor).
 *
 * <pre>{@code
 * Loss mse = Losses.get("mse");
 * float value = mse.compute(yTrue, yPred, null, gradient);   // gradient = ∂value/∂yPred
 * }</pre>
 */
public abstract class Loss {
    private final String name;

    protected Loss(String name) {
        this.name = name;
    }

    /** The Keras name of this loss, e.g. {@code "mean_squared_error"}. */
    public final String name() {
        return name;
    }

    /** Keras config entries (from_logits, label_smoothing, delta, ...). */
    public Map<String, Object> config() {
        return Map.of();
    }

    /**
     * Writes the unreduced loss of each position into {@code out} (length = number of positions).
     * {@code yTrue} has the shape of {@code yPred}, or one label per position for sparse losses.
     */
    protected abstract void perPosition(Tensor yTrue, Tensor yPred, float[] out);

    /**
     * Writes {@code scale[p] · ∂loss_p/∂yPred} into {@code grad} (the layout of {@code yPred}) for every
     * position p.
     */
    protected abstract void perPositionGradient(Tensor yTrue, Tensor yPred, float[] scale, float[] grad);

    /**
     * The reduced loss; when {@code grad} is not null it receives {@code ∂loss/∂yPred}.
     *
     * @param sampleWeight one weight per sample (axis 0), or null for all ones
     */
    public float compute(Tensor yTrue, Tensor yPred, float[] sampleWeight, float[] grad) {
        throw new UnsupportedOperationException("implemented with the losses package");
    }
}
