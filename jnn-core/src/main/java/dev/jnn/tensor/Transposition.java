package dev.jnn.tensor;

/**
 * numpy's {@code np.transpose(a, axes)} on a row-major array: output axis {@code i} is input axis
 * {@code axes[i]}. Used where data changes layout once (weights read from files, test oracles), not in
 * training steps.
 */
public final class Transposition {
    private Transposition() {
    }

    /** The shape after the transposition. */
    public static int[] shape(int[] shape, int... axes) {
        check(shape, axes);
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[axes[i]];
        }
        return out;
    }

    /** The values of {@code data}, of shape {@code shape}, transposed; a new array. */
    public static float[] apply(float[] data, int[] shape, int... axes) {
        int[] outShape = shape(shape, axes);
        int rank = shape.length;
        int[] inStrides = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            inStrides[d] = s;
            s *= shape[d];
        }
        float[] out = new float[data.length];
        int[] index = new int[rank];
        for (int j = 0; j < out.length; j++) {
            int offset = 0;
            for (int i = 0; i < rank; i++) {
                offset += index[i] * inStrides[axes[i]];
            }
            out[j] = data[offset];
            for (int d = rank - 1; d >= 0; d--) { // odometer over the output axes
                if (++index[d] < outShape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return out;
    }

    /** A tensor transposed, batch axis included. */
    public static Tensor apply(Tensor x, int... axes) {
        int[] dims = new int[x.shape().rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = x.shape().dim(i);
        }
        return new Tensor(Shape.of(shape(dims, axes)), apply(x.data(), dims, axes));
    }

    private static void check(int[] shape, int[] axes) {
        boolean[] seen = new boolean[shape.length];
        boolean ok = axes.length == shape.length;
        for (int a : axes) {
            ok = ok && a >= 0 && a < shape.length && !seen[a];
            if (ok) {
                seen[a] = true;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("axes " + java.util.Arrays.toString(axes)
                    + " are not a permutation of the " + shape.length + " axes of shape " + java.util.Arrays.toString(shape));
        }
    }
}
