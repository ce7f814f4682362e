package dev.jnn.losses;

import dev.jnn.tensor.Shape;
import java.util.Arrays;

/**
 * Keras's rank matching of labels and predictions, on shapes only: squeezing or adding a trailing
 * axis of size 1 never moves data, so the matched tensors are views of the originals.
 */
final class ShapeMatching {
    private ShapeMatching() {
    }

    /**
     * Keras's {@code squeeze_or_expand_to_same_rank(y_true, y_pred)} followed by the equal-shape
     * check of the dense losses. Returns {@code {yTrue, yPred}} as the loss must read them.
     */
    static Shape[] matchDense(String loss, Shape yTrue, Shape yPred) {
        Shape[] matched = squeezeOrExpand(yTrue, yPred);
        if (!matched[0].equals(matched[1]) || matched[1].rank() == 0) {
            throw mismatch(loss, yTrue, yPred, "expected equal shapes of rank >= 1");
        }
        return matched;
    }

    /**
     * The sparse variant: after the same rank matching, a trailing label axis of size 1 is
     * squeezed and the labels must have the shape of {@code yPred} without its class axis.
     */
    static Shape[] matchSparse(String loss, Shape yTrue, Shape yPred) {
        if (yPred.rank() == 0) {
            throw mismatch(loss, yTrue, yPred, "y_pred needs a class axis");
        }
        Shape[] matched = squeezeOrExpand(yTrue, yPred);
        Shape labels = matched[0];
        Shape predictions = matched[1];
        if (labels.rank() == predictions.rank() && labels.dim(-1) == 1) {
            labels = dropLast(labels);
        }
        if (!labels.equals(dropLast(predictions))) {
            throw mismatch(loss, yTrue, yPred,
                    "expected one label per position, i.e. y_true " + dropLast(predictions));
        }
        return new Shape[] {labels, predictions};
    }

    /** Number of positions of a prediction shape: the product of every axis but the last. */
    static int positions(Shape yPred) {
        int n = 1;
        for (int axis = 0; axis < yPred.rank() - 1; axis++) {
            n *= yPred.dim(axis);
        }
        return n;
    }

    /**
     * When the ranks differ by one and the longer shape ends in 1: a rank-1 partner gains a
     * trailing 1 (so [N] vs [N, 1] becomes [N, 1] vs [N, 1]), otherwise the longer one loses it.
     */
    private static Shape[] squeezeOrExpand(Shape a, Shape b) {
        if (a.rank() == b.rank() + 1 && a.dim(-1) == 1) {
            if (b.rank() == 1) {
                b = Shape.of(b.dim(0), 1);
            } else {
                a = dropLast(a);
            }
        } else if (b.rank() == a.rank() + 1 && b.dim(-1) == 1) {
            if (a.rank() == 1) {
                a = Shape.of(a.dim(0), 1);
            } else {
                b = dropLast(b);
            }
        }
        return new Shape[] {a, b};
    }

    private static Shape dropLast(Shape s) {
        int[] dims = s.dims();
        return Shape.of(Arrays.copyOf(dims, dims.length - 1));
    }

    private static IllegalArgumentException mismatch(String loss, Shape yTrue, Shape yPred, String why) {
        return new IllegalArgumentException(
                loss + ": y_true " + yTrue + " does not match y_pred " + yPred + " (" + why + ")");
    }
}
