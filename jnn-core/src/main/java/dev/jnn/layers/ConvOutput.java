package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The output end of a convolution call, {@code y = activation(z + bias)} over {@code rows × channels}
 * (rows = batch·positions), with its buffers and its backward. The layer writes {@code z} first; a
 * linear activation makes {@code z} and {@code y} one buffer, so nothing is copied.
 */
final class ConvOutput {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

    private final ActivationFunction activation;
    private final boolean linear;
    private final int rows;
    private final int channels;
    private final Tensor y;
    private final float[] z;
    private final float[] dz;

    /** Buffers for an output of shape {@code shape} (batch first, channels last). */
    ConvOutput(ActivationFunction activation, Shape shape) {
        this.activation = activation;
        this.linear = "linear".equals(activation.name());
        this.channels = shape.dim(-1);
        this.y = Tensor.zeros(shape);
        this.rows = y.size() / channels;
        this.z = linear ? y.data() : new float[y.size()];
        this.dz = linear ? null : new float[y.size()];
    }

    /** The buffer the layer writes its pre-bias result into. */
    float[] z() {
        return z;
    }

    /** The output tensor. */
    Tensor y() {
        return y;
    }

    /** Adds the bias (when not null) to every row of {@code z}, then applies the activation into {@code y}. */
    Tensor finish(Parameter bias) {
        if (bias != null) {
            ELEMENTWISE.addBiasRows(bias.value().data(), 0, z, 0, rows, channels);
        }
        if (!linear) {
            activation.forward(z, y.data(), rows, channels);
        }
        return y;
    }

    /**
     * The gradient with respect to {@code z} from {@code y}'s gradient; adds the bias's gradient (column
     * sums) when it is trainable.
     */
    float[] backward(Parameter bias) {
        float[] gradZ = y.grad();
        if (!linear) {
            activation.backward(z, y.data(), gradZ, dz, rows, channels);
            gradZ = dz;
        }
        if (bias != null && bias.trainable()) {
            ELEMENTWISE.columnSums(gradZ, 0, bias.grad(), 0, rows, channels, true);
        }
        return gradZ;
    }
}
