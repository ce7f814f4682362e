package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
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
    private static final Sgemm SGEMM = Kernels.sgemm();

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
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter depthwiseKernel;
    private Parameter pointwiseKernel;
    private Parameter bias;

    public SeparableConv1D(int filters, int kernelSize) {
        this(Config.of(filters, kernelSize));
    }

    public SeparableConv1D(Config config) {
        super(config.dataFormat());
        this.config = config;
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
        Call call = calls.acquire();
        call.prepare(x);
        call.convolution.forward(x.data(), depthwiseKernel.value().data(), call.depthwise);
        SGEMM.matmul(call.depthwise, pointwiseKernel.value().data(), call.output.z(), call.rows,
                call.depthwiseChannels, config.filters, false);
        Tensor y = call.output.finish(bias);
        if (GradientTape.isRecording(x, depthwiseKernel.value(), pointwiseKernel.value())
                || GradientTape.isRecording(bias == null ? null : bias.value())) {
            GradientTape.active().record(y, call);
        }
        return y;
    }

    /** One call's buffers and backward: through the pointwise product, then the depthwise loops. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape inputShape;
        private DepthwiseConvolution convolution;
        private int rows;
        private int depthwiseChannels;
        private float[] depthwise;
        private float[] depthwiseGrad;
        private ConvOutput output;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(inputShape)) {
                Shape sample = input.shape().withoutBatch();
                inputShape = input.shape();
                ConvGeometry geometry = geometry(sample);
                int batch = input.shape().dim(0);
                convolution = new DepthwiseConvolution(geometry, config.depthMultiplier, batch);
                rows = batch * geometry.positions();
                depthwiseChannels = sample.dim(-1) * config.depthMultiplier;
                depthwise = new float[rows * depthwiseChannels];
                depthwiseGrad = null;
                output = new ConvOutput(config.activation, channelsLastOutputShape(sample).withBatch(batch));
            }
        }

        @Override
        public void backward() {
            float[] gradZ = output.backward(bias);
            if (pointwiseKernel.trainable()) {
                SGEMM.matmulTransposeA(depthwise, gradZ, pointwiseKernel.grad(), depthwiseChannels, rows,
                        config.filters, true);
            }
            boolean inputGrad = x.requiresGrad();
            if (!inputGrad && !depthwiseKernel.trainable()) {
                return;
            }
            if (depthwiseGrad == null) {
                depthwiseGrad = new float[depthwise.length];
            }
            SGEMM.matmulTransposeB(gradZ, pointwiseKernel.value().data(), depthwiseGrad, rows, config.filters,
                    depthwiseChannels, false);
            convolution.backward(x.data(), depthwiseKernel.value().data(), depthwiseGrad, inputGrad ? x.grad() : null,
                    depthwiseKernel.trainable() ? depthwiseKernel.grad() : null);
        }
    }
}
