package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.Shape;
import java.util.List;

/**
 * Keras's 1-D convolution over sequences {@code [batch, steps, channels]}:
 * {@code y[b, t, f] = activation(bias[f] + Σ_{p, c} x[b, t·s + p·d - padBefore, c] · kernel[p, c, f])},
 * padded positions reading zero.
 *
 * <p>Kernel {@code [k, in, filters]} (glorot_uniform), bias {@code [filters]} (zeros). Output
 * {@code [batch, outSteps, filters]} with {@code outSteps = floor((steps - (k-1)·d - 1) / s) + 1} for
 * "valid" and {@code ceil(steps / s)} for "same" and "causal"; "causal" pads {@code (k-1)·d} zeros
 * before the sequence only, so step {@code t} never sees a later input. Computed as im2col + one SGEMM
 * (see {@link ConvGeometry}, a 1-D convolution being a 2-D one of height 1). With
 * {@code dataFormat("channels_first")} input and output are {@code [batch, channels, steps]}.
 *
 * <pre>{@code
 * model.add(new Conv1D(16, 3, "relu"));
 * model.add(Conv1D.builder(16, 2).padding("causal").dilationRate(2).build());
 * }</pre>
 */
public final class Conv1D extends BaseConv {
    /**
     * Conv1D's configuration, with Keras's defaults in {@link Conv1D#builder(int, int)}.
     *
     * @param filters           output channels, &gt; 0
     * @param kernelSize        (length,), &gt; 0
     * @param strides           (stride,), &gt; 0
     * @param padding           {@link Padding#VALID}, {@link Padding#SAME} or {@link Padding#CAUSAL}
     * @param dilationRate      (rate,), &gt; 0; not both strides and dilation above 1
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
            kernelSize = ConvArguments.tuple("Conv1D", "kernel_size", kernelSize, 1);
            strides = ConvArguments.tuple("Conv1D", "strides", strides, 1);
            dilationRate = ConvArguments.tuple("Conv1D", "dilation_rate", dilationRate, 1);
            ConvArguments.check("Conv1D", filters, strides, dilationRate);
            if (padding == null) {
                throw new IllegalArgumentException("Conv1D: padding must be 'valid', 'same' or 'causal', got null");
            }
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (kernelInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("Conv1D: initializers must not be null");
            }
        }
    }

    private final Config config;

    /** A linear Conv1D and Keras's defaults. */
    public Conv1D(int filters, int kernelSize) {
        this(builder(filters, kernelSize).config());
    }

    /** A Conv1D with an activation given by its Keras name ({@code "relu"}). */
    public Conv1D(int filters, int kernelSize, String activation) {
        this(builder(filters, kernelSize).activation(activation).config());
    }

    /** A Conv1D from a full configuration. */
    public Conv1D(Config config) {
        this.config = config;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder(int filters, int kernelSize) {
        return new Builder(filters, kernelSize);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    Shape channelsLastOutputShape(Shape inputShape) {
        ConvGeometry g = geometry(inputShape);
        return Shape.of(g.outWidth(), config.filters);
    }

    @Override
    ConvGeometry geometry(Shape sample) {
        if (sample.rank() != 2) {
            throw wrongRank(sample, 3);
        }
        if (built() && sample.dim(-1) != config.dataFormat.channels(inputShape())) {
            throw channelsMismatch(sample);
        }
        ConvGeometry g = ConvGeometry.of(1, sample.dim(0), sample.dim(1), 1, config.kernelSize.get(0),
                1, config.strides.get(0), 1, config.dilationRate.get(0), Padding.VALID, config.padding);
        if (g.outWidth() <= 0) {
            throw tooSmall(sample);
        }
        return g;
    }

    @Override
    Shape kernelShape(int channels) {
        return Shape.of(config.kernelSize.get(0), channels, config.filters);
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
        return "Conv1D";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends WeightedLayerBuilder<Builder> {
        private final int filters;
        private final List<Integer> kernelSize;
        private List<Integer> strides = List.of(1);
        private Padding padding = Padding.VALID;
        private List<Integer> dilationRate = List.of(1);
        private DataFormat dataFormat = DataFormat.CHANNELS_LAST;

        private Builder(int filters, int kernelSize) {
            this.filters = filters;
            this.kernelSize = List.of(kernelSize);
        }

        public Builder strides(int stride) {
            this.strides = List.of(stride);
            return this;
        }

        /** {@code "valid"}, {@code "same"} or {@code "causal"}. */
        public Builder padding(String name) {
            return padding(Padding.of(name));
        }

        public Builder padding(Padding mode) {
            this.padding = mode;
            return this;
        }

        public Builder dilationRate(int rate) {
            this.dilationRate = List.of(rate);
            return this;
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

        public Conv1D build() {
            return new Conv1D(config());
        }
    }
}
