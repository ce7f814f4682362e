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
 * Keras's depthwise 1-D convolution over sequences {@code [batch, steps, channels]}: each input channel
 * {@code c} gets its own {@code depthMultiplier} filters,
 * {@code y[b, t, c·M + m] = activation(bias[c·M + m] + Σ_p x[b, t·s + p·d - padBefore, c] · kernel[p, c, m])}.
 *
 * <p>Weights in Keras's order: {@code kernel [k, in, depthMultiplier]} (glorot_uniform), {@code bias
 * [in·depthMultiplier]} (zeros). Output steps as {@link Conv1D}'s ("valid" or "same"); computed by
 * {@link DepthwiseConv2D}'s loops on an image of height 1.
 *
 * <pre>{@code
 * model.add(new DepthwiseConv1D(3));
 * model.add(new DepthwiseConv1D(new DepthwiseConv1D.Config(List.of(3), List.of(2), Padding.SAME, 2, List.of(1),
 *         null, true, Initializers.get("glorot_uniform"), Initializers.get("zeros"), null, null, null)));
 * }</pre>
 */
public final class DepthwiseConv1D extends SequenceConvLayer {
    /**
     * @param kernelSize           (length,), &gt; 0
     * @param strides              (stride,), &gt; 0
     * @param padding              {@link Padding#VALID} or {@link Padding#SAME}
     * @param depthMultiplier      output channels per input channel, &gt; 0
     * @param dilationRate         (rate,), &gt; 0
     * @param activation           applied after the bias; linear when null
     * @param useBias              whether to add a bias vector
     * @param depthwiseInitializer initializer of the kernel
     * @param biasInitializer      initializer of the bias
     * @param depthwiseRegularizer penalty on the kernel, or null
     * @param biasRegularizer      penalty on the bias, or null
     * @param dataFormat           where the channels are; channels_last when null
     */
    public record Config(List<Integer> kernelSize, List<Integer> strides, Padding padding, int depthMultiplier,
                         List<Integer> dilationRate, ActivationFunction activation, boolean useBias,
                         Initializer depthwiseInitializer, Initializer biasInitializer,
                         Regularizer depthwiseRegularizer, Regularizer biasRegularizer, DataFormat dataFormat)
            implements LayerConfig {
        public Config {
            kernelSize = ConvArguments.tuple("DepthwiseConv1D", "kernel_size", kernelSize, 1);
            strides = ConvArguments.tuple("DepthwiseConv1D", "strides", strides, 1);
            dilationRate = ConvArguments.tuple("DepthwiseConv1D", "dilation_rate", dilationRate, 1);
            DepthwiseConv2D.checkDepthwise("DepthwiseConv1D", depthMultiplier, padding);
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (depthwiseInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("DepthwiseConv1D: initializers must not be null");
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }

        /** Keras's defaults for a kernel of {@code kernelSize}. */
        public static Config of(int kernelSize) {
            return new Config(List.of(kernelSize), List.of(1), Padding.VALID, 1, List.of(1), null, true,
                    Initializers.get("glorot_uniform"), Initializers.get("zeros"), null, null, null);
        }
    }

    private final Config config;
    private final DepthwiseConvCalls calls;
    private Parameter kernel;
    private Parameter bias;

    public DepthwiseConv1D(int kernelSize) {
        this(Config.of(kernelSize));
    }

    public DepthwiseConv1D(Config config) {
        super(config.dataFormat());
        this.config = config;
        this.calls = new DepthwiseConvCalls(config.depthMultiplier, config.activation, this::geometry,
                this::channelsLastOutputShape);
    }

    @Override
    public Config config() {
        return config;
    }

    private ConvGeometry geometry(Shape input) {
        return depthwiseGeometry(input, config.kernelSize.get(0), config.strides.get(0), config.dilationRate.get(0),
                config.padding, config.depthMultiplier);
    }

    @Override
    Shape channelsLastOutputShape(Shape input) {
        return Shape.of(geometry(input).outWidth(), input.dim(1) * config.depthMultiplier);
    }

    @Override
    void buildFor(int channels) {
        kernel = addWeight("kernel", Shape.of(config.kernelSize.get(0), channels, config.depthMultiplier),
                config.depthwiseInitializer, true, config.depthwiseRegularizer);
        bias = config.useBias ? addWeight("bias", Shape.of(channels * config.depthMultiplier), config.biasInitializer,
                true, config.biasRegularizer) : null;
    }

    @Override
    Tensor channelsLastForward(Tensor x, boolean training) {
        return calls.forward(x, kernel, bias);
    }
}
