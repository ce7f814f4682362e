package dev.jnn.tensor;

/**
 * The backward half of one recorded op: reads the gradient of the op's output and adds the
 * gradients of its inputs into their {@link Tensor#grad()} arrays.
 */
@FunctionalInterface
public interface BackwardStep {
    /** Propagates the output gradient to the inputs (accumulating, never overwriting). */
    void backward();
}
