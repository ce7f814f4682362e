package dev.jnn.io;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Transposition;
import java.util.ArrayList;
import java.util.List;

/**
 * Convolution kernels of Keras 1 and Theano-era files in Keras 2's layout, following Keras 2's
 * {@code preprocess_weights_for_loading}:
 * <ul>
 *   <li>Keras 1 Conv1D kept a 4-D kernel {@code (length, 1, in, filters)} (Keras 1.1:
 *       {@code (filters, in, length, 1)}); the dummy axis is dropped.</li>
 *   <li>Keras 1 Conv2D with dim_ordering "th" kept {@code (filters, in, rows, cols)}; Deconvolution2D kept
 *       {@code (rows, cols, in, filters)} ("tf") or {@code (filters, in, rows, cols)} ("th") where Keras 2
 *       wants {@code (rows, cols, filters, in)}.</li>
 *   <li>Theano computes a true convolution, so kernels saved by the Theano backend are flipped along
 *       every spatial axis.</li>
 *   <li>A 4-D kernel that still does not fit is tried in the order {@code (3, 2, 0, 1)}, as Keras 2 does.</li>
 * </ul>
 */
final class LegacyConvKernels {
    private LegacyConvKernels() {
    }

    /**
     * The layer's weights in Keras 2's layout; {@code weights} itself when nothing changes.
     *
     * @param className      jnn's (Keras's) class name of the layer
     * @param channelsFirst  whether the layer reads channels_first data
     * @param expected       the kernel shape the layer expects
     * @param keras1         whether the file was written by Keras 1
     * @param theano         whether the file was written by the Theano backend
     */
    static List<WeightArray> convert(String className, boolean channelsFirst, Shape expected, List<WeightArray> weights,
                                     boolean keras1, boolean theano) {
        if (weights.isEmpty() || !isConvolution(className)) {
            return weights;
        }
        WeightArray kernel = weights.get(0);
        if (keras1) {
            switch (className) {
                case "Conv1D" -> kernel = keras1Conv1D(kernel);
                case "Conv2D" -> kernel = channelsFirst ? transpose(kernel, 2, 3, 1, 0) : kernel;
                case "Conv2DTranspose" -> kernel = channelsFirst ? transpose(kernel, 2, 3, 0, 1) : transpose(kernel, 0, 1, 3, 2);
                default -> { }
            }
        }
        if (theano) {
            kernel = flipSpatial(kernel);
        }
        if (!kernel.hasShape(expected) && kernel.shape().length == 4) {
            WeightArray theanoOrder = transpose(kernel, 3, 2, 0, 1); // Keras 2's last resort for old layouts
            if (theanoOrder.hasShape(expected)) {
                kernel = theanoOrder;
            }
        }
        if (kernel == weights.get(0)) {
            return weights;
        }
        List<WeightArray> out = new ArrayList<>(weights);
        out.set(0, kernel);
        return out;
    }

    private static boolean isConvolution(String className) {
        return className.equals("Conv1D") || className.equals("Conv2D") || className.equals("Conv2DTranspose");
    }

    private static WeightArray keras1Conv1D(WeightArray kernel) {
        int[] s = kernel.shape();
        if (s.length != 4) {
            return kernel;
        }
        if (s[1] != 1 && s[3] == 1) {
            kernel = transpose(kernel, 2, 3, 1, 0);   // Keras 1.1: (filters, in, length, 1)
            s = kernel.shape();
        }
        if (s[1] != 1) {
            return kernel; // not a Keras 1 layout; the shape check that follows names the mismatch
        }
        return new WeightArray(new int[] {s[0], s[2], s[3]}, kernel.data());
    }

    /** numpy's {@code np.transpose(a, axes)}; {@code a} itself when the ranks differ. */
    static WeightArray transpose(WeightArray a, int... axes) {
        if (a.shape().length != axes.length) {
            return a;
        }
        return new WeightArray(Transposition.shape(a.shape(), axes), Transposition.apply(a.data(), a.shape(), axes));
    }

    /** Keras's {@code convert_kernel}: the kernel reversed along every axis but the last two. */
    static WeightArray flipSpatial(WeightArray a) {
        int[] s = a.shape();
        int spatial = s.length - 2;
        if (spatial < 1) {
            return a;
        }
        int inner = s[s.length - 2] * s[s.length - 1];
        int positions = a.data().length / inner;
        float[] out = new float[a.data().length];
        int[] index = new int[spatial];
        for (int p = 0; p < positions; p++) {
            int flipped = 0;
            for (int d = 0; d < spatial; d++) {
                flipped = flipped * s[d] + (s[d] - 1 - index[d]);
            }
            System.arraycopy(a.data(), p * inner, out, flipped * inner, inner);
            for (int d = spatial - 1; d >= 0; d--) {
                if (++index[d] < s[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new WeightArray(s, out);
    }
}
