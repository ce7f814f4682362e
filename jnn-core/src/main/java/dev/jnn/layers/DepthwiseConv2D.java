package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's depthwise 2-D convolution over channels_last images {@code [batch, height, width, channels]}:
 * each input channel {@code c} gets its own {@code depthMultiplier} filters,
 * {@code y[b, i, j, c·M + m] = activation(bias[c·M + m] + Σ_{p, q} x[b, i·sh + p·dh - padTop, j·sw + q·dw - padLeft, c]
 * · kernel[p, q, c, m])}, padded positions reading zero.
 *
 * <p>Weights in Keras's order: {@code kernel [kh, kw, in, depthMultiplier]} (glorot_uniform), {@code bias
 * [in·depthMultiplier]} (zeros). Output {@code [batch, outHeight, outWidth, in·depthMultiplier]} with
 * {@link Conv2D}'s size rule per axis; unlike Conv2D, strides and dilation may both exceed 1 (Keras 3
 * subsamples the dilated convolution). Computed by {@link DepthwiseConvolution}.
 *
 * <pre>{@code
 * model.add(new DepthwiseConv2D(3));
 * model.add(DepthwiseConv2D.builder(3).depthMultiplier(2).padding("same").activation("relu").build());
 * }</pre>
 */
public final class DepthwiseConv2D extends Layer {
    /**
     * DepthwiseConv2D's configuration, with Keras's defaults in {@link DepthwiseConv2D#builder(int)}.
     *
     * @param kernelSize           (height, width), each &gt; 0
     * @param strides              (height, width), each &gt; 0
     * @param padding              {@link Padding#VALID} or {@link Padding#SAME}
     * @param depthMultiplier      output channels per input channel, &gt; 0
     * @param dilationRate         (height, width), each &gt; 0
     * @param activation           applied after the bias; linear when null
     * @param useBias              whether to add a bias vector
     * @param depthwiseInitializer initializer of the kernel
     * @param biasInitializer      initializer of the bias
     * @param depthwiseRegularizer penalty on the kernel, or null
     * @param biasRegularizer      penalty on the bias, or null
     */
    public record Config(List<Integer> kernelSize, List<Integer> strides, Padding padding, int depthMultiplier,
                         List<Integer> dilationRate, ActivationFunction activation, boolean useBias,
                         Initializer depthwiseInitializer, Initializer biasInitializer,
                         Regularizer depthwiseRegularizer, Regularizer biasRegularizer) implements LayerConfig {
        public Config {
            kernelSize = ConvArguments.tuple("DepthwiseConv2D", "kernel_size", kernelSize, 2);
            strides = ConvArguments.tuple("DepthwiseConv2D", "strides", strides, 2);
            dilationRate = ConvArguments.tuple("DepthwiseConv2D", "dilation_rate", dilationRate, 2);
            checkDepthwise("DepthwiseConv2D", depthMultiplier, padding);
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (depthwiseInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("DepthwiseConv2D: initializers must not be null");
            }
        }
    }

    private final Config config;
    private final DepthwiseConvCalls calls;
    private Parameter kernel;
    private Parameter bias;

    /** A linear DepthwiseConv2D with a square kernel and Keras's defaults. */
    public DepthwiseConv2D(int kernelSize) {
        this(builder(kernelSize).config());
    }

    /** A DepthwiseConv2D from a full configuration. */
    public DepthwiseConv2D(Config config) {
        this.config = config;
        this.calls = new DepthwiseConvCalls(config.depthMultiplier, config.activation, this::geometry, this::outputShape);
    }

    /** A builder starting from Keras's defaults, with a square kernel. */
    public static Builder builder(int kernelSize) {
        return new Builder(kernelSize, kernelSize);
    }

    /** A builder starting from Keras's defaults, with a {@code kernelHeight × kernelWidth} kernel. */
    public static Builder builder(int kernelHeight, int kernelWidth) {
        return new Builder(kernelHeight, kernelWidth);
    }

    /** Keras's checks shared with {@link SeparableConv2D}: a positive multiplier and valid/same padding. */
    static void checkDepthwise(String layer, int depthMultiplier, Padding padding) {
        if (depthMultiplier <= 0) {
            throw new IllegalArgumentException(layer + ": depth_multiplier must be > 0, got " + depthMultiplier);
        }
        if (padding == null || padding == Padding.CAUSAL) {
            throw new IllegalArgumentException(layer + ": padding must be 'valid' or 'same', got "
                    + (padding == null ? "null" : "'" + padding.kerasName() + "'"));
        }
    }

    /**
     * The depthwise geometry of {@code layer} for a per-sample input shape, checked: rank 3, the built
     * channel count, a kernel that fits a valid-padded input.
     */
    static ConvGeometry geometry(Layer layer, Shape sample, List<Integer> kernelSize, List<Integer> strides,
                                 List<Integer> dilationRate, Padding padding, int depthMultiplier) {
        if (sample.rank() != 3) {
            throw ConvErrors.wrongRank(layer, sample, 4);
        }
        if (layer.built() && sample.dim(-1) != layer.inputShape().dim(-1)) {
            throw ConvErrors.channelsMismatch(layer, layer.inputShape().dim(-1), sample);
        }
        ConvGeometry g = ConvGeometry.of(sample.dim(0), sample.dim(1), sample.dim(2),
                kernelSize.get(0), kernelSize.get(1), strides.get(0), strides.get(1),
                dilationRate.get(0), dilationRate.get(1), padding, padding);
        if (g.outHeight() <= 0 || g.outWidth() <= 0) {
            throw ConvErrors.tooSmall(layer, sample,
                    Shape.of(kernelSize.get(0), kernelSize.get(1), sample.dim(-1), depthMultiplier));
        }
        return g;
    }

    @Override
    public Config config() {
        return config;
    }

    /** The depthwise kernel {@code [kh, kw, in, depthMultiplier]}, once built. */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias {@code [in·depthMultiplier]}, once built; null without bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        ConvGeometry g = geometry(inputShape);
        return Shape.of(g.outHeight(), g.outWidth(), inputShape.dim(-1) * config.depthMultiplier);
    }

    private ConvGeometry geometry(Shape sample) {
        return geometry(this, sample, config.kernelSize, config.strides, config.dilationRate, config.padding,
                config.depthMultiplier);
    }

    @Override
    protected void build(Shape inputShape) {
        int channels = inputShape.dim(-1);
        kernel = addWeight("kernel", Shape.of(config.kernelSize.get(0), config.kernelSize.get(1), channels,
                config.depthMultiplier), config.depthwiseInitializer, true, config.depthwiseRegularizer);
        bias = config.useBias
                ? addWeight("bias", Shape.of(channels * config.depthMultiplier), config.biasInitializer, true,
                        config.biasRegularizer)
                : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return calls.forward(x, kernel, bias);
    }

    @Override
    public String className() {
        return "DepthwiseConv2D";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends DepthwiseLayerBuilder<Builder> {
        private Builder(int kernelHeight, int kernelWidth) {
            super(kernelHeight, kernelWidth);
        }

        @Override
        Builder self() {
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(kernelSize, strides, padding, depthMultiplier, dilationRate, activation, useBias,
                    depthwiseInitializer, biasInitializer, depthwiseRegularizer, biasRegularizer);
        }

        public DepthwiseConv2D build() {
            return new DepthwiseConv2D(config());
        }
    }
}
