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
 * Keras's transposed 2-D convolution ("deconvolution") over channels_last images: the gradient of a
 * {@link Conv2D} with respect to its input, so each input pixel scatters {@code kernel · x} over a
 * {@code kh × kw} window of the (larger) output,
 * {@code y = activation(col2im(x · kernelᵀ) + bias)}.
 *
 * <p>Weights in Keras's order: {@code kernel [kh, kw, filters, in]} (glorot_uniform; note filters before
 * in), {@code bias [filters]} (zeros). Output {@code [batch, outHeight, outWidth, filters]} with, per axis
 * and {@code K = (k-1)·d + 1}, Keras's {@code compute_conv_transpose_output_shape}: "valid" gives
 * {@code (in-1)·s + K + op} with {@code op = max(K, s) - K} by default; "same" gives {@code in·s} without
 * output_padding and {@code (in-1)·s + K mod 2 + op} with it. Padding inside the output is that of the
 * Conv2D whose input has the output's size (TensorFlow's split, the odd one after).
 *
 * <p>The kernel, flattened, is the matrix {@code [kh·kw·filters, in]}; {@code cols = x · kernelᵀ} has one
 * row per input position and {@link ConvGeometry#col2im} adds it into the output. Backward:
 * {@code dcols = im2col(dz)}, {@code dx += dcols · kernel}, {@code dKernel += dcolsᵀ · x}.
 *
 * <pre>{@code
 * model.add(new Conv2DTranspose(16, 3, "relu"));
 * model.add(Conv2DTranspose.builder(8, 3).strides(2).padding("same").outputPadding(1).build());
 * }</pre>
 */
public final class Conv2DTranspose extends Layer {
    /**
     * Conv2DTranspose's configuration, with Keras's defaults in {@link Conv2DTranspose#builder(int, int)}.
     *
     * @param filters           output channels, &gt; 0
     * @param kernelSize        (height, width), each &gt; 0
     * @param strides           (height, width), each &gt; 0
     * @param padding           {@link Padding#VALID} or {@link Padding#SAME}
     * @param outputPadding     (height, width), each &gt;= 0 and below the stride, or null (Keras's None)
     * @param dilationRate      (height, width), each &gt; 0; not both strides and dilation above 1
     * @param activation        applied after the bias; linear when null
     * @param useBias           whether to add a bias vector
     * @param kernelInitializer initializer of the kernel
     * @param biasInitializer   initializer of the bias
     * @param kernelRegularizer penalty on the kernel, or null
     * @param biasRegularizer   penalty on the bias, or null
     */
    public record Config(int filters, List<Integer> kernelSize, List<Integer> strides, Padding padding,
                         List<Integer> outputPadding, List<Integer> dilationRate, ActivationFunction activation,
                         boolean useBias, Initializer kernelInitializer, Initializer biasInitializer,
                         Regularizer kernelRegularizer, Regularizer biasRegularizer) implements LayerConfig {
        public Config {
            kernelSize = ConvArguments.tuple("Conv2DTranspose", "kernel_size", kernelSize, 2);
            strides = ConvArguments.tuple("Conv2DTranspose", "strides", strides, 2);
            dilationRate = ConvArguments.tuple("Conv2DTranspose", "dilation_rate", dilationRate, 2);
            ConvArguments.check("Conv2DTranspose", filters, strides, dilationRate);
            if (padding == null || padding == Padding.CAUSAL) {
                throw new IllegalArgumentException("Conv2DTranspose: padding must be 'valid' or 'same', got "
                        + (padding == null ? "null" : "'" + padding.kerasName() + "'"));
            }
            if (outputPadding != null) {
                if (outputPadding.size() != 2 || outputPadding.stream().anyMatch(v -> v == null)) {
                    throw new IllegalArgumentException("Conv2DTranspose: output_padding must have 2 value(s), got "
                            + outputPadding);
                }
                for (int i = 0; i < 2; i++) {
                    if (outputPadding.get(i) < 0 || outputPadding.get(i) >= strides.get(i)) {
                        throw new IllegalArgumentException("Conv2DTranspose: output_padding must be >= 0 and strictly "
                                + "less than strides in every dimension, got output_padding=" + outputPadding
                                + " and strides=" + strides);
                    }
                }
                outputPadding = List.copyOf(outputPadding);
            }
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (kernelInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("Conv2DTranspose: initializers must not be null");
            }
        }
    }

    private final Config config;
    private final TransposeConvCalls calls;
    private Parameter kernel;
    private Parameter bias;

    /** A linear Conv2DTranspose with a square kernel and Keras's defaults. */
    public Conv2DTranspose(int filters, int kernelSize) {
        this(builder(filters, kernelSize).config());
    }

    /** A Conv2DTranspose with a square kernel and an activation given by its Keras name ({@code "relu"}). */
    public Conv2DTranspose(int filters, int kernelSize, String activation) {
        this(builder(filters, kernelSize).activation(activation).config());
    }

    /** A Conv2DTranspose from a full configuration. */
    public Conv2DTranspose(Config config) {
        this.config = config;
        this.calls = new TransposeConvCalls(config.activation, this::geometry, this::outputShape);
    }

    /** A builder starting from Keras's defaults, with a square kernel. */
    public static Builder builder(int filters, int kernelSize) {
        return new Builder(filters, kernelSize, kernelSize);
    }

    /** A builder starting from Keras's defaults, with a {@code kernelHeight × kernelWidth} kernel. */
    public static Builder builder(int filters, int kernelHeight, int kernelWidth) {
        return new Builder(filters, kernelHeight, kernelWidth);
    }

    /**
     * Keras's {@code deconv_output_length} along one axis (TensorFlow's rule, as in
     * {@code compute_conv_transpose_output_shape}); {@code outputPadding} null means Keras's None.
     */
    static int outputLength(int in, int kernel, int stride, int dilation, Padding padding, Integer outputPadding) {
        int span = (kernel - 1) * dilation + 1;
        if (padding == Padding.VALID) {
            int op = outputPadding == null ? Math.max(span, stride) - span : outputPadding;
            return (in - 1) * stride + span + op;
        }
        return outputPadding == null ? in * stride : (in - 1) * stride + span % 2 + outputPadding;
    }

    @Override
    public Config config() {
        return config;
    }

    /** The kernel {@code [kh, kw, filters, in]}, once built. */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias {@code [filters]}, once built; null without bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        ConvGeometry g = geometry(inputShape);
        return Shape.of(g.inHeight(), g.inWidth(), config.filters);
    }

    /**
     * The geometry of the Conv2D this layer transposes: its input is this layer's output
     * ({@code filters} channels), its output positions are this layer's input pixels.
     */
    private ConvGeometry geometry(Shape sample) {
        if (sample.rank() != 3) {
            throw ConvErrors.wrongRank(this, sample, 4);
        }
        if (built() && sample.dim(-1) != inputShape().dim(-1)) {
            throw ConvErrors.channelsMismatch(this, inputShape().dim(-1), sample);
        }
        int height = sample.dim(0);
        int width = sample.dim(1);
        List<Integer> k = config.kernelSize;
        List<Integer> s = config.strides;
        List<Integer> d = config.dilationRate;
        List<Integer> op = config.outputPadding;
        int outHeight = outputLength(height, k.get(0), s.get(0), d.get(0), config.padding, op == null ? null : op.get(0));
        int outWidth = outputLength(width, k.get(1), s.get(1), d.get(1), config.padding, op == null ? null : op.get(1));
        ConvGeometry g = outHeight <= 0 || outWidth <= 0 ? null
                : ConvGeometry.of(outHeight, outWidth, config.filters, k.get(0), k.get(1), s.get(0), s.get(1),
                        d.get(0), d.get(1), config.padding, config.padding);
        if (g == null || g.outHeight() != height || g.outWidth() != width) {
            // TensorFlow rejects an output whose forward convolution does not give back the input's size
            throw new IllegalArgumentException("Input of layer \"" + name() + "\": output_padding=" + op
                    + " gives output size (" + outHeight + ", " + outWidth + ") for input shape "
                    + sample.toKerasString() + " and kernel of shape " + kernelShape(sample.dim(-1))
                    + ", which a 'same' convolution does not map back to (" + height + ", " + width + ")");
        }
        return g;
    }

    private Shape kernelShape(int channels) {
        return Shape.of(config.kernelSize.get(0), config.kernelSize.get(1), config.filters, channels);
    }

    @Override
    protected void build(Shape inputShape) {
        kernel = addWeight("kernel", kernelShape(inputShape.dim(-1)), config.kernelInitializer, true,
                config.kernelRegularizer);
        bias = config.useBias
                ? addWeight("bias", Shape.of(config.filters), config.biasInitializer, true, config.biasRegularizer)
                : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return calls.forward(x, kernel, bias);
    }

    @Override
    public String className() {
        return "Conv2DTranspose";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends Conv2DLayerBuilder<Builder> {
        private List<Integer> outputPadding;

        private Builder(int filters, int kernelHeight, int kernelWidth) {
            super(filters, kernelHeight, kernelWidth);
        }

        /** The same output padding along height and width (Keras's default is None: no call). */
        public Builder outputPadding(int padding) {
            return outputPadding(padding, padding);
        }

        public Builder outputPadding(int height, int width) {
            this.outputPadding = List.of(height, width);
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(filters, kernelSize, strides, padding, outputPadding, dilationRate, activation, useBias,
                    kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer);
        }

        public Conv2DTranspose build() {
            return new Conv2DTranspose(config());
        }
    }
}
