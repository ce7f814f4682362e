package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's transposed 1-D convolution over sequences {@code [batch, steps, channels]}: the gradient of a
 * {@link Conv1D} with respect to its input, each input step scattering {@code kernel · x} over {@code k}
 * output steps, {@code y = activation(col2im(x · kernelᵀ) + bias)}.
 *
 * <p>Weights in Keras's order: {@code kernel [k, filters, in]} (glorot_uniform; filters before in),
 * {@code bias [filters]} (zeros). Output length as {@link Conv2DTranspose}'s per axis ("valid": {@code
 * (steps-1)·s + K + op}, "same": {@code steps·s} without output_padding); computed as Conv2DTranspose on an
 * image of height 1.
 *
 * <pre>{@code
 * model.add(new Conv1DTranspose(8, 3));
 * }</pre>
 */
public final class Conv1DTranspose extends SequenceConvLayer {
    /**
     * @param filters           output channels, &gt; 0
     * @param kernelSize        (length,), &gt; 0
     * @param strides           (stride,), &gt; 0
     * @param padding           {@link Padding#VALID} or {@link Padding#SAME}
     * @param outputPadding     (extra steps,) below the stride, or null for Keras's default
     * @param dilationRate      (rate,), &gt; 0
     * @param activation        applied after the bias; linear when null
     * @param useBias           whether to add a bias vector
     * @param kernelInitializer initializer of the kernel
     * @param biasInitializer   initializer of the bias
     * @param kernelRegularizer penalty on the kernel, or null
     * @param biasRegularizer   penalty on the bias, or null
     * @param dataFormat        where the channels are; channels_last when null
     */
    public record Config(int filters, List<Integer> kernelSize, List<Integer> strides, Padding padding,
                         List<Integer> outputPadding, List<Integer> dilationRate, ActivationFunction activation,
                         boolean useBias, Initializer kernelInitializer, Initializer biasInitializer,
                         Regularizer kernelRegularizer, Regularizer biasRegularizer, DataFormat dataFormat)
            implements LayerConfig {
        public Config {
            kernelSize = ConvArguments.tuple("Conv1DTranspose", "kernel_size", kernelSize, 1);
            strides = ConvArguments.tuple("Conv1DTranspose", "strides", strides, 1);
            dilationRate = ConvArguments.tuple("Conv1DTranspose", "dilation_rate", dilationRate, 1);
            ConvArguments.check("Conv1DTranspose", filters, strides, dilationRate);
            if (outputPadding != null) {
                outputPadding = List.copyOf(outputPadding);
                if (outputPadding.size() != 1 || outputPadding.get(0) < 0
                        || outputPadding.get(0) >= strides.get(0)) {
                    throw new IllegalArgumentException("Conv1DTranspose: output_padding must be one value >= 0 and "
                            + "below the stride " + strides + ", got " + outputPadding);
                }
            }
            if (padding == null || padding == Padding.CAUSAL) {
                throw new IllegalArgumentException("Conv1DTranspose: padding must be 'valid' or 'same', got "
                        + (padding == null ? "null" : "'" + padding.kerasName() + "'"));
            }
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (kernelInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("Conv1DTranspose: initializers must not be null");
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }

        /** Keras's defaults for {@code filters} filters and a kernel of {@code kernelSize}. */
        public static Config of(int filters, int kernelSize) {
            return new Config(filters, List.of(kernelSize), List.of(1), Padding.VALID, null, List.of(1), null, true,
                    Initializers.get("glorot_uniform"), Initializers.get("zeros"), null, null, null);
        }
    }

    private final Config config;
    private final TransposeConvCalls calls;
    private Parameter kernel;
    private Parameter bias;

    public Conv1DTranspose(int filters, int kernelSize) {
        this(Config.of(filters, kernelSize));
    }

    public Conv1DTranspose(Config config) {
        super(config.dataFormat());
        this.config = config;
        this.calls = new TransposeConvCalls(config.activation, this::geometry, this::channelsLastOutputShape);
    }

    @Override
    public Config config() {
        return config;
    }

    /** The geometry of the Conv1D whose input has this layer's output size (so its output is this input). */
    private ConvGeometry geometry(Shape input) {
        int steps = input.dim(0);
        int k = config.kernelSize.get(0);
        int s = config.strides.get(0);
        int d = config.dilationRate.get(0);
        Integer op = config.outputPadding == null ? null : config.outputPadding.get(0);
        int out = Conv2DTranspose.outputLength(steps, k, s, d, config.padding, op);
        ConvGeometry g = out <= 0 ? null
                : ConvGeometry.of(1, out, config.filters, 1, k, 1, s, 1, d, Padding.VALID, config.padding);
        if (g == null || g.outWidth() != steps) {
            throw new IllegalArgumentException("Input of layer \"" + name() + "\": output_padding="
                    + config.outputPadding + " gives output length " + out + " for input shape "
                    + input.toKerasString() + ", which a '" + config.padding.kerasName()
                    + "' convolution does not map back to " + steps);
        }
        return g;
    }

    @Override
    Shape channelsLastOutputShape(Shape input) {
        return Shape.of(geometry(input).inWidth(), config.filters);
    }

    @Override
    void buildFor(int channels) {
        kernel = addWeight("kernel", Shape.of(config.kernelSize.get(0), config.filters, channels),
                config.kernelInitializer, true, config.kernelRegularizer);
        bias = config.useBias
                ? addWeight("bias", Shape.of(config.filters), config.biasInitializer, true, config.biasRegularizer)
                : null;
    }

    @Override
    Tensor channelsLastForward(Tensor x, boolean training) {
        return calls.forward(x, kernel, bias);
    }
}
