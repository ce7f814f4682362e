package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The per-call state of a layer whose output has its input's shape: the call's input, and an output
 * buffer reused while the input shape stays (a {@link PerStep} hands the same call back each step, so
 * a steady-state step allocates nothing). A subclass adds its backward, and any buffers of its own,
 * sized when {@link #prepare} reports a new shape.
 */
abstract class SameShapeCall implements BackwardStep {
    /** This call's input. */
    Tensor x;
    /** This call's output, of {@code x}'s shape. */
    Tensor y;
    private Shape shape;

    /** Takes this call's input; true when its shape differs from the previous call's (the output was reallocated). */
    final boolean prepare(Tensor input) {
        this.x = input;
        if (input.shape().equals(shape)) {
            return false;
        }
        shape = input.shape();
        y = Tensor.zeros(shape);
        return true;
    }

    /** The shape of this call's input and output. */
    final Shape shape() {
        return shape;
    }
}
