package dev.jnn.losses;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loss function with Keras's {@code sum_over_batch_size} reduction and sample weights.
 *
 * <p>Subclasses compute one value per position (every axis of {@code yPred} but the last; for a
 * [batch, units] output that is one value per sample) and its gradient. {@link #compute} then forms
 * {@code sum_p(w_p · loss_p) / N}, N being the number of positions, as Keras does (sample weights
 * scale the values but do not change the divisor). The weight of a sample applies to every position
 * of that sample.
 *
 * <p>Before that, labels and predictions go through Keras's {@code squeeze_or_expand_to_same_rank}:
 * y_true [N] with y_pred [N, 1] (or the reverse) is read as [N, 1] for both; a trailing axis of size 1
 * on a rank-3+ tensor is squeezed when the other tensor lacks it. Only shapes change, never the data,
 * so the gradient always has the layout of the {@code yPred} passed in.
 *
 * <p>An instance reuses two scratch arrays between calls so that a steady training loop allocates
 * nothing; do not share one instance between threads that compute at the same time.
 *
 * <pre>{@code
 * Loss mse = Losses.get("mse");
 * float value = mse.compute(yTrue, yPred, null, gradient);   // gradient = ∂value/∂yPred
 * }</pre>
 */
public abstract class Loss {
    private final String name;
    private float[] values = new float[0];   // per-position losses, reused
    private float[] scales = new float[0];   // per-position gradient scales, reused
    private Tensor lastTrue;                  // the last inputs and their rank-matched views
    private Tensor lastPred;
    private Tensor matchedTrue;
    private Tensor matchedPred;

    protected Loss(String name) {
        this.name = name;
    }

    /** The Keras name of this loss, e.g. {@code "mean_squared_error"}. */
    public final String name() {
        return name;
    }

    /**
     * Keras config entries: {@code name}, {@code reduction} and the options of the loss
     * (from_logits, label_smoothing, delta, ...).
     */
    public Map<String, Object> config() {
        return Collections.unmodifiableMap(baseConfig());
    }

    /** A mutable copy of the entries every Keras loss has, for subclasses to extend. */
    protected final LinkedHashMap<String, Object> baseConfig() {
        var config = new LinkedHashMap<String, Object>();
        config.put("name", name);
        config.put("reduction", "sum_over_batch_size");
        return config;
    }

    /**
     * Whether {@code yTrue} holds one integer label per position instead of a tensor shaped like
     * {@code yPred} (true for sparse categorical crossentropy).
     */
    protected boolean sparseLabels() {
        return false;
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
     * The reduced loss {@code sum_p(w_p · loss_p) / N}; when {@code grad} is not null it receives
     * {@code ∂loss/∂yPred} (overwritten, layout of {@code yPred}).
     *
     * @param yTrue        labels, shaped like {@code yPred} up to Keras's rank matching (sparse
     *                     losses: one integer label per position)
     * @param yPred        predictions, at least rank 1
     * @param sampleWeight one weight per sample (axis 0), or null for all ones
     * @param grad         receives the gradient, or null
     * @throws IllegalArgumentException when the shapes cannot be matched, or the sample weights or
     *                                  the gradient buffer have the wrong length
     */
    public float compute(Tensor yTrue, Tensor yPred, float[] sampleWeight, float[] grad) {
        return compute(yTrue, yPred, sampleWeight, null, grad);
    }

    /**
     * {@link #compute(Tensor, Tensor, float[], float[])} with Keras's mask of {@code yPred} (one entry
     * per position, 1 = keep, 0 = masked out, as a recurrent layer's {@code [batch, time]} mask): masked
     * positions count for nothing and the sum is divided by the number of kept positions instead of
     * all of them (Keras's {@code apply_mask} for {@code sum_over_batch_size}).
     *
     * @param mask one entry per position, or null for no mask
     */
    public float compute(Tensor yTrue, Tensor yPred, float[] sampleWeight, float[] mask, float[] grad) {
        if (yTrue != lastTrue || yPred != lastPred) {
            // Training reuses its batch tensors, so the rank matching is done once per buffer pair.
            Shape[] matched = sparseLabels()
                    ? ShapeMatching.matchSparse(name, yTrue.shape(), yPred.shape())
                    : ShapeMatching.matchDense(name, yTrue.shape(), yPred.shape());
            matchedTrue = view(yTrue, matched[0]);
            matchedPred = view(yPred, matched[1]);
            lastTrue = yTrue;
            lastPred = yPred;
        }
        Tensor labels = matchedTrue;
        Tensor predictions = matchedPred;
        Shape shape = predictions.shape();
        int positions = ShapeMatching.positions(shape);
        int batch = shape.dim(0);
        if (sampleWeight != null && sampleWeight.length != batch) {
            throw new IllegalArgumentException(name + ": sampleWeight has " + sampleWeight.length
                    + " entries for a batch of " + batch + " (y_pred " + yPred.shape() + ")");
        }
        if (grad != null && grad.length != yPred.size()) {
            throw new IllegalArgumentException(name + ": grad has " + grad.length + " entries, y_pred "
                    + yPred.shape() + " has " + yPred.size());
        }
        if (values.length != positions) {
            values = new float[positions];
            scales = new float[positions];
        }
        double maskScale = 1.0;
        if (mask != null) {
            if (mask.length != positions) {
                throw new IllegalArgumentException(name + ": the mask of y_pred " + yPred.shape() + " has "
                        + mask.length + " entries for " + positions + " loss positions");
            }
            double valid = 0;
            for (float m : mask) {
                valid += m != 0f ? 1 : 0;
            }
            maskScale = valid == 0 ? 0.0 : positions / valid;
        }
        perPosition(labels, predictions, values);

        double sum = 0;
        for (int p = 0; p < positions; p++) {
            double w = weight(sampleWeight, shape, positions, p);
            if (mask != null) {
                w = mask[p] != 0f ? w * maskScale : 0.0;
            }
            scales[p] = (float) (w / positions);
            sum += w * values[p];
        }
        if (grad != null) {
            perPositionGradient(labels, predictions, scales, grad);
        }
        // Keras divides with divide_no_nan: an empty batch has loss 0.
        return positions == 0 ? 0f : (float) (sum / positions);
    }

    /**
     * The weight of position {@code p}: that of its sample. A rank-1 {@code yPred} has a single
     * position covering the whole batch; Keras then broadcasts the scalar loss against the weights
     * and averages, which amounts to weighting by their mean.
     */
    private static double weight(float[] sampleWeight, Shape shape, int positions, int p) {
        if (sampleWeight == null) {
            return 1.0;
        }
        if (shape.rank() == 1) {
            double total = 0;
            for (float w : sampleWeight) {
                total += w;
            }
            return sampleWeight.length == 0 ? 0.0 : total / sampleWeight.length;
        }
        return sampleWeight[p / (positions / sampleWeight.length)];
    }

    private static Tensor view(Tensor t, Shape shape) {
        return t.shape().equals(shape) ? t : t.reshape(shape);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + config();
    }
}
