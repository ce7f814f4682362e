package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code Merge}: the base of the layers that combine a list of tensors ({@link Add},
 * {@link Subtract}, {@link Multiply}, {@link Average}, {@link Maximum}, {@link Minimum},
 * {@link Concatenate}, {@link Dot}). They have no weights and are called on a list:
 *
 * <pre>{@code
 * Tensor sum = new Add().call(List.of(a, b), false).get(0);
 * }</pre>
 *
 * <p>The single-tensor forms refuse, as Keras's "A merge layer should be called on a list of inputs".
 */
public abstract class Merge extends Layer {
    /**
     * Merge layers take a list of two or more inputs. (Keras also accepts a list of one; jnn refuses it so
     * that calling a merge on a single tensor fails before the layer is built for one input.)
     */
    @Override
    public int inputCount() {
        return -1;
    }

    @Override
    public final Shape outputShape(Shape inputShape) {
        throw notAList(inputShape);
    }

    @Override
    protected final Tensor forward(Tensor input, boolean training) {
        throw notAList(input.shape().withoutBatch());
    }

    private IllegalArgumentException notAList(Shape shape) {
        return new IllegalArgumentException("Layer \"" + name() + "\" should be called on a list of inputs"
                + " (A merge layer should be called on a list of inputs), but it received one input of shape "
                + shape.toKerasString());
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputShapes) {
        if (inputShapes.size() < 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" should be called on a list of at least 2"
                    + " inputs (A merge layer should be called on a list of inputs), but it received "
                    + inputShapes.size() + " input(s): " + kerasShapes(inputShapes));
        }
        return List.of(mergedShape(inputShapes));
    }

    /** The per-sample output shape for the per-sample input shapes; throws with Keras's message. */
    protected abstract Shape mergedShape(List<Shape> inputShapes);

    /** Merge layers have no weights. */
    @Override
    protected void build(List<Shape> inputShapes) {
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    /** The list of shapes as Keras prints it: {@code [(None, 3), (None, 4)]}. */
    static String kerasShapes(List<Shape> shapes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shapes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(shapes.get(i).toKerasString());
        }
        return sb.append(']').toString();
    }
}
