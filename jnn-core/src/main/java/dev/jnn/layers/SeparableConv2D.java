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
 * Keras's depthwise-separable 2-D convolution over channels_last images: a {@link DepthwiseConv2D}
 * without bias (strides, padding and dilation apply here), then a 1×1 convolution to {@code filters}
 * channels, then bias and activation:
 * {@code y = activation(depthwise(x) · pointwise + bias)}.
 *
 * <p>Weights in Keras's order: {@code depthwise_kernel [kh, kw, in, depthMultiplier]}, {@code
 * pointwise_kernel [1, 1, in·depthMultiplier, filters]} (both glorot_uniform), {@code bias [filters]}
 * (zeros). Output {@code [batch, outHeight, outWidth, filters]} with {@link Conv2D}'s size rule. The
 * pointwise step is one SGEMM on the depthwise result seen as {@code [batch·positions, in·depthMultiplier]}.
 *
 * <pre>{@code
 * model.add(new SeparableConv2D(32, 3, "relu"));
 * model.add(SeparableConv2D.builder(64, 3).depthMultiplier(2).padding("same").build());
 * }</pre>
 */
public final class SeparableConv2D extends Layer {
    /**
     * SeparableConv2D's configuration, with Keras's defaults in {@link SeparableConv2D#builder(int, int)}.
     *
     * @param filters              output channels, &gt; 0
     * @param kernelSize           (height, width), each &gt; 0
     * @param strides              (height, width), each &gt; 0
     * @param padding              {@link Padding#VALID} or {@link Padding#SAME}
     * @param dilationRate         (height, width), each &gt; 0
     * @param depthMultiplier      depthwise output channels per input channel, &gt; 0
     * @param activation           applied after the bias; linear when null
     * @param useBias              whether to add a bias vector
     * @param depthwiseInitializer initializer of the depthwise kernel
     * @param pointwiseInitializer initializer of the pointwise kernel
     * @param biasInitializer      initializer of the bias
     * @param depthwiseRegularizer penalty on the depthwise kernel, or null
     * @param pointwiseRegularizer penalty on the pointwise kernel, or null
     * @param biasRegularizer      penalty on the bias, or null
     */
    public record Config(int filters, List<Integer> kernelSize, List<Integer> strides, Padding padding,
                         List<Integer> dilationRate, int depthMultiplier, ActivationFunction activation,
                         boolean useBias, Initializer depthwiseInitializer, Initializer pointwiseInitializer,
                         Initializer biasInitializer, Regularizer depthwiseRegularizer,
                         Regularizer pointwiseRegularizer, Regularizer biasRegularizer) implements LayerConfig {
        public Config {
            if (filters <= 0) {
                throw new IllegalArgumentException("SeparableConv2D: filters must be > 0, got " + filters);
            }
            kernelSize = ConvArguments.tuple("SeparableConv2D", "kernel_size", kernelSize, 2);
            strides = ConvArguments.tuple("SeparableConv2D", "strides", strides, 2);
            dilationRate = ConvArguments.tuple("SeparableConv2D", "dilation_rate", dilationRate, 2);
            DepthwiseConv2D.checkDepthwise("SeparableConv2D", depthMultiplier, padding);
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (depthwiseInitializer == null || pointwiseInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("SeparableConv2D: initializers must not be null");
            }
        }
    }

    private final Config config;
    private final SeparableConvCalls calls;
    private Parameter depthwiseKernel;
    private Parameter pointwiseKernel;
    private Parameter bias;

    /** A linear SeparableConv2D with a square kernel and Keras's defaults. */
    public SeparableConv2D(int filters, int kernelSize) {
        this(builder(filters, kernelSize).config());
    }

    /** A SeparableConv2D with a square kernel and an activation given by its Keras name ({@code "relu"}). */
    public SeparableConv2D(int filters, int kernelSize, String activation) {
        this(builder(filters, kernelSize).activation(activation).config());
    }

    /** A SeparableConv2D from a full configuration. */
    public SeparableConv2D(Config config) {
        this.config = config;
        this.calls = new SeparableConvCalls(config.filters, config.depthMultiplier, config.activation, this::geometry,
                this::outputShape);
    }

    /** A builder starting from Keras's defaults, with a square kernel. */
    public static Builder builder(int filters, int kernelSize) {
        return new Builder(filters, kernelSize, kernelSize);
    }

    /** A builder starting from Keras's defaults, with a {@code kernelHeight × kernelWidth} kernel. */
    public static Builder builder(int filters, int kernelHeight, int kernelWidth) {
        return new Builder(filters, kernelHeight, kernelWidth);
    }

    @Override
    public Config config() {
        return config;
    }

    /** The depthwise kernel {@code [kh, kw, in, depthMultiplier]}, once built. */
    public Parameter depthwiseKernel() {
        return depthwiseKernel;
    }

    /** The pointwise kernel {@code [1, 1, in·depthMultiplier, filters]}, once built. */
    public Parameter pointwiseKernel() {
        return pointwiseKernel;
    }

    /** The bias {@code [filters]}, once built; null without bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        ConvGeometry g = geometry(inputShape);
        return Shape.of(g.outHeight(), g.outWidth(), config.filters);
    }

    private ConvGeometry geometry(Shape sample) {
        return DepthwiseConv2D.geometry(this, sample, config.kernelSize, config.strides, config.dilationRate,
                config.padding, config.depthMultiplier);
    }

    @Override
    protected void build(Shape inputShape) {
        int depthwiseChannels = inputShape.dim(-1) * config.depthMultiplier;
        depthwiseKernel = addWeight("depthwise_kernel", Shape.of(config.kernelSize.get(0), config.kernelSize.get(1),
                inputShape.dim(-1), config.depthMultiplier), config.depthwiseInitializer, true,
                config.depthwiseRegularizer);
        pointwiseKernel = addWeight("pointwise_kernel", Shape.of(1, 1, depthwiseChannels, config.filters),
                config.pointwiseInitializer, true, config.pointwiseRegularizer);
        bias = config.useBias
                ? addWeight("bias", Shape.of(config.filters), config.biasInitializer, true, config.biasRegularizer)
                : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return calls.forward(x, depthwiseKernel, pointwiseKernel, bias);
    }

    @Override
    public String className() {
        return "SeparableConv2D";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends DepthwiseLayerBuilder<Builder> {
        private final int filters;
        private Initializer pointwiseInitializer = Initializers.get("glorot_uniform");
        private Regularizer pointwiseRegularizer;

        private Builder(int filters, int kernelHeight, int kernelWidth) {
            super(kernelHeight, kernelWidth);
            this.filters = filters;
        }

        @Override
        Builder self() {
            return this;
        }

        /** The pointwise kernel's initializer, by name ({@code "he_normal"}, ...). */
        public Builder pointwiseInitializer(String name) {
            return pointwiseInitializer(Initializers.get(name));
        }

        /** The pointwise kernel's initializer. */
        public Builder pointwiseInitializer(Initializer initializer) {
            this.pointwiseInitializer = initializer;
            return this;
        }

        /** A penalty on the pointwise kernel added to the loss, or {@code null} for none. */
        public Builder pointwiseRegularizer(Regularizer regularizer) {
            this.pointwiseRegularizer = regularizer;
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(filters, kernelSize, strides, padding, dilationRate, depthMultiplier, activation,
                    useBias, depthwiseInitializer, pointwiseInitializer, biasInitializer, depthwiseRegularizer,
                    pointwiseRegularizer, biasRegularizer);
        }

        public SeparableConv2D build() {
            return new SeparableConv2D(config());
        }
    }
}
