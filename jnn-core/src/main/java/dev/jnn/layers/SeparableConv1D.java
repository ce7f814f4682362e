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
 * Keras's separable 1-D convolution over sequences {@code [batch, steps, channels]}: a depthwise pass
 * ({@link DepthwiseConv1D}'s, {@code depthMultiplier} filters per channel) then a pointwise one, a
 * matrix product mixing the {@code in·depthMultiplier} channels into {@code filters},
 * {@code y = activation(depthwise(x) · pointwise + bias)}.
 *
 * <p>Weights in Keras's order: {@code depthwise_kernel [k, in, depthMultiplier]}, {@code pointwise_kernel
 * [1, in·depthMultiplier, filters]} (both glorot_uniform), {@code bias [filters]} (zeros). Computed as
 * {@link SeparableConv2D} on an image of height 1.
 *
 * <pre>{@code
 * model.add(new SeparableConv1D(16, 3));
 * }</pre>
 */
public final class SeparableConv1D extends SequenceConvLayer {
    /**
     * @param filters              output channels, &gt; 0
     * @param kernelSize           (length,), &gt; 0
     * @param strides              (stride,), &gt; 0
     * @param padding              {@link Padding#VALID} or {@link Padding#SAME}
     * @param dilationRate         (rate,), &gt; 0
     * @param depthMultiplier      depthwise channels per input channel, &gt; 0
     * @param activation           applied after the bias; linear when null
     * @param useBias              whether to add a bias vector
     * @param depthwiseInitializer initializer of the depthwise kernel
     * @param pointwiseInitializer initializer of the pointwise kernel
     * @param biasInitializer      initializer of the bias
     * @param depthwiseRegularizer penalty on the depthwise kernel, or null
     * @param pointwiseRegularizer penalty on the pointwise kernel, or null
     * @param biasRegularizer      penalty on the bias, or null
     * @param dataFormat           where the channels are; channels_last when null
     */
    public record Config(int filters, List<Integer> kernelSize, List<Integer> strides, Padding padding,
                         List<Integer> dilationRate, int depthMultiplier, ActivationFunction activation,
                         boolean useBias, Initializer depthwiseInitializer, Initializer pointwiseInitializer,
                         Initializer biasInitializer, Regularizer depthwiseRegularizer,
                         Regularizer pointwiseRegularizer, Regularizer biasRegularizer, DataFormat dataFormat)
            implements LayerConfig {
        public Config {
            if (filters <= 0) {
                throw new IllegalArgumentException("SeparableConv1D: filters must be > 0, got " + filters);
            }
            kernelSize = ConvArguments.tuple("SeparableConv1D", "kernel_size", kernelSize, 1);
            strides = ConvArguments.tuple("SeparableConv1D", "strides", strides, 1);
            dilationRate = ConvArguments.tuple("SeparableConv1D", "dilation_rate", dilationRate, 1);
            DepthwiseConv2D.checkDepthwise("SeparableConv1D", depthMultiplier, padding);
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (depthwiseInitializer == null || pointwiseInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("SeparableConv1D: initializers must not be null");
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }

        /** Keras's defaults for {@code filters} filters and a kernel of {@code kernelSize}. */
        public static Config of(int filters, int kernelSize) {
            return new Config(filters, List.of(kernelSize), List.of(1), Padding.VALID, List.of(1), 1, null, true,
                    Initializers.get("glorot_uniform"), Initializers.get("glorot_uniform"), Initializers.get("zeros"),
                    null, null, null, null);
        }
    }

    private final Config config;
    private final SeparableConvCalls calls;
    private Parameter depthwiseKernel;
    private Parameter pointwiseKernel;
    private Parameter bias;

    public SeparableConv1D(int filters, int kernelSize) {
        this(Config.of(filters, kernelSize));
    }

    public SeparableConv1D(Config config) {
        super(config.dataFormat());
        this.config = config;
        this.calls = new SeparableConvCalls(config.filters, config.depthMultiplier, config.activation, this::geometry,
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
        return Shape.of(geometry(input).outWidth(), config.filters);
    }

    @Override
    void buildFor(int channels) {
        int depthwiseChannels = channels * config.depthMultiplier;
        depthwiseKernel = addWeight("depthwise_kernel", Shape.of(config.kernelSize.get(0), channels,
                config.depthMultiplier), config.depthwiseInitializer, true, config.depthwiseRegularizer);
        pointwiseKernel = addWeight("pointwise_kernel", Shape.of(1, depthwiseChannels, config.filters),
                config.pointwiseInitializer, true, config.pointwiseRegularizer);
        bias = config.useBias
                ? addWeight("bias", Shape.of(config.filters), config.biasInitializer, true, config.biasRegularizer)
                : null;
    }

    @Override
    Tensor channelsLastForward(Tensor x, boolean training) {
        return calls.forward(x, depthwiseKernel, pointwiseKernel, bias);
    }
}
