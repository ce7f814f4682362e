package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.List;

/**
 * The number of input and output units of a weight, as Keras's {@code compute_fans} counts them.
 *
 * <ul>
 *   <li>rank 0: {@code fanIn = fanOut = 1};</li>
 *   <li>rank 1 {@code [n]}: {@code fanIn = fanOut = n};</li>
 *   <li>rank 2 {@code [in, out]}: {@code fanIn = in, fanOut = out};</li>
 *   <li>rank ≥ 3 {@code [k1, ..., kr, in, out]} (convolution kernels): with receptive field
 *       {@code r = k1·...·kr}, {@code fanIn = in·r, fanOut = out·r}.</li>
 * </ul>
 * When both {@code inputAxes} and {@code outputAxes} are given, each fan is instead the product of
 * the sizes of its axes (negative axes count from the end).
 *
 * <pre>{@code
 * Fans f = Fans.of(Shape.of(3, 3, 16, 32));   // fanIn 144, fanOut 288
 * }</pre>
 *
 * @param fanIn  number of input units
 * @param fanOut number of output units
 */
public record Fans(long fanIn, long fanOut) {

    /** The fans of {@code shape} by Keras's default rule. */
    public static Fans of(Shape shape) {
        int rank = shape.rank();
        if (rank == 0) {
            return new Fans(1, 1);
        }
        if (rank == 1) {
            return new Fans(shape.dim(0), shape.dim(0));
        }
        long receptiveField = 1;
        for (int axis = 0; axis < rank - 2; axis++) {
            receptiveField *= shape.dim(axis);
        }
        return new Fans(shape.dim(-2) * receptiveField, shape.dim(-1) * receptiveField);
    }

    /**
     * The fans of {@code shape}; when both axis lists are non-null they select the axes to multiply,
     * otherwise the default rule of {@link #of(Shape)} applies (as in Keras).
     */
    public static Fans of(Shape shape, List<Integer> inputAxes, List<Integer> outputAxes) {
        if (inputAxes == null || outputAxes == null) {
            return of(shape);
        }
        return new Fans(product(shape, inputAxes), product(shape, outputAxes));
    }

    private static long product(Shape shape, List<Integer> axes) {
        long p = 1;
        for (int axis : axes) {
            p *= shape.dim(axis);
        }
        return p;
    }
}
