package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.Shape;
import java.util.List;

/**
 * Keras's 2-D convolution over channels_last images {@code [batch, height, width, channels]}:
 * {@code y[b, i, j, f] = activation(bias[f] + Σ_{p, q, c} x[b, i·sh + p·dh - padTop, j·sw + q·dw - padLeft, c]
 * · kernel[p, q, c, f])}, padded positions reading zero.
 *
 * <p>Kernel {@code [kh, kw, in, filters]} (glorot_uniform), bias {@code [filters]} (zeros). Output
 * {@code [batch, outHeight, outWidth, filters]} with, per axis, {@code out = floor((in - (k-1)·d - 1) / s) + 1}
 * for "valid" and {@code ceil(in / s)} for "same" (TensorFlow's split: the odd padding goes after).
 * Computed as im2col + one SGEMM (see {@link ConvGeometry}). With {@code dataFormat("channels_first")}
 * input and output are {@code [batch, channels, height, width]}; the kernel layout stays the same.
 *
 * <pre>{@code
 * model.add(new Conv2D(32, 3, "relu"));
 * model.add(Conv2D.builder(64, 3).strides(2).padding("same").activation("relu").build());
 * }</pre>
 */
public final class Conv2D extends BaseConv {
    /**
     * Conv2D's configuration, with Keras's defaults in {@link Conv2D#builder(int, int)}.
     *
     * @param filters           output channels, &gt; 0
     * @param kernelSize        (height, width), each &gt; 0
     * @param strides           (height, width), each &gt; 0
     * @param padding           {@link Padding#VALID} or {@link Padding#SAME}
     * @param dilationRate      (height, width), each &gt; 0; not both strides and dilation above 1
     * @param activation        applied after the bias; linear when null
     * @param useBias           whether to add a bias vector
     * @param kernelInitializer initializer of the kernel
     * @param biasInitializer   initializer of the bias
     * @param kernelRegularizer penalty on the kernel, or null
     * @param biasRegularizer   penalty on the bias, or null
     * @param dataFormat        where the channels axis is; channels_last when null
     */
    public record Config(int filters, List<Integer> kernelSize, List<Integer> strides, Padding padding,
                         List<Integer> dilationRate, ActivationFunction activation, boolean useBias,
                         Initializer kernelInitializer, Initializer biasInitializer,
                         Regularizer kernelRegularizer, Regularizer biasRegularizer, DataFormat dataFormat)
            implements LayerConfig {
        public Config {
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
            kernelSize = ConvArguments.tuple("Conv2D", "kernel_size", kernelSize, 2);
            strides = ConvArguments.tuple("Conv2D", "strides", strides, 2);
            dilationRate = ConvArguments.tuple("Conv2D", "dilation_rate", dilationRate, 2);
            ConvArguments.check("Conv2D", filters, strides, dilationRate);
            if (padding == null || padding == Padding.CAUSAL) {
                throw new IllegalArgumentException("Conv2D: padding must be 'valid' or 'same', got "
                        + (padding == null ? "null" : "'" + padding.kerasName() + "'"));
            }
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (kernelInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("Conv2D: initializers must not be null");
            }
        }
    }

    private final Config config;

    /** A linear Conv2D with a square kernel and Keras's defaults. */
    public Conv2D(int filters, int kernelSize) {
        this(builder(filters, kernelSize).config());
    }

    /** A Conv2D with a square kernel and an activation given by its Keras name ({@code "relu"}). */
    public Conv2D(int filters, int kernelSize, String activation) {
        this(builder(filters, kernelSize).activation(activation).config());
    }

    /** A Conv2D from a full configuration. */
    public Conv2D(Config config) {
        this.config = config;
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

    @Override
    Shape channelsLastOutputShape(Shape inputShape) {
        ConvGeometry g = geometry(inputShape);
        return Shape.of(g.outHeight(), g.outWidth(), config.filters);
    }

    @Override
    ConvGeometry geometry(Shape sample) {
        if (sample.rank() != 3) {
            throw wrongRank(sample, 4);
        }
        if (built() && sample.dim(-1) != config.dataFormat.channels(inputShape())) {
            throw channelsMismatch(sample);
        }
        ConvGeometry g = ConvGeometry.of(sample.dim(0), sample.dim(1), sample.dim(2),
                config.kernelSize.get(0), config.kernelSize.get(1), config.strides.get(0), config.strides.get(1),
                config.dilationRate.get(0), config.dilationRate.get(1), config.padding, config.padding);
        if (g.outHeight() <= 0 || g.outWidth() <= 0) {
            throw tooSmall(sample);
        }
        return g;
    }

    @Override
    Shape kernelShape(int channels) {
        return Shape.of(config.kernelSize.get(0), config.kernelSize.get(1), channels, config.filters);
    }

    @Override
    DataFormat dataFormat() {
        return config.dataFormat;
    }

    @Override
    int filters() {
        return config.filters;
    }

    @Override
    ActivationFunction activation() {
        return config.activation;
    }

    @Override
    boolean useBias() {
        return config.useBias;
    }

    @Override
    Initializer kernelInitializer() {
        return config.kernelInitializer;
    }

    @Override
    Initializer biasInitializer() {
        return config.biasInitializer;
    }

    @Override
    Regularizer kernelRegularizer() {
        return config.kernelRegularizer;
    }

    @Override
    Regularizer biasRegularizer() {
        return config.biasRegularizer;
    }

    @Override
    public String className() {
        return "Conv2D";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends Conv2DLayerBuilder<Builder> {
        private DataFormat dataFormat = DataFormat.CHANNELS_LAST;

        private Builder(int filters, int kernelHeight, int kernelWidth) {
            super(filters, kernelHeight, kernelWidth);
        }

        /** Keras's {@code data_format}: {@code "channels_last"} (the default) or {@code "channels_first"}. */
        public Builder dataFormat(String name) {
            this.dataFormat = DataFormat.of(name);
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(filters, kernelSize, strides, padding, dilationRate, activation, useBias,
                    kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, dataFormat);
        }

        public Conv2D build() {
            return new Conv2D(config());
        }
    }
}
