package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.activations.Relu;
import dev.jnn.initializers.Initializer;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.PackedMatrix;
import dev.jnn.kernels.Sgemm;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.InferencePass;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's densely connected layer: {@code y = activation(x · kernel + bias)} over the last axis.
 *
 * <p>Kernel {@code [inputDim, units]} (glorot_uniform by default), bias {@code [units]} (zeros). The
 * product, bias and activation form one fused op with one backward.
 *
 * <pre>{@code
 * model.add(new Dense(8, "relu"));
 * model.add(Dense.builder(1).activation("sigmoid").kernelRegularizer(new L2(0.01f)).build());
 * }</pre>
 */
public final class Dense extends Layer {
    /**
     * Dense's configuration, with Keras's defaults in {@link Dense#builder(int)}.
     *
     * @param units             output size, &gt; 0
     * @param activation        applied after the bias; linear when none
     * @param useBias           whether to add a bias vector
     * @param kernelInitializer initializer of the kernel
     * @param biasInitializer   initializer of the bias
     * @param kernelRegularizer penalty on the kernel, or null
     * @param biasRegularizer   penalty on the bias, or null
     */
    public record Config(int units, ActivationFunction activation, boolean useBias,
                         Initializer kernelInitializer, Initializer biasInitializer,
                         Regularizer kernelRegularizer, Regularizer biasRegularizer) implements LayerConfig {
        public Config {
            if (units <= 0) {
                throw new IllegalArgumentException("Dense: units must be > 0, got " + units);
            }
            if (activation == null) {
                activation = Activations.get("linear");
            }
            if (kernelInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("Dense: initializers must not be null");
            }
        }
    }

    private static final Sgemm SGEMM = Kernels.sgemm();
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();
    private static final Relu PLAIN_RELU = new Relu();

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter kernel;
    private Parameter bias;
    /** The kernel packed in inference pass {@code packedPass} (see {@link #packedKernel}). */
    private PackedMatrix packedKernel;
    private long packedPass;

    /** A linear Dense layer with Keras's defaults. */
    public Dense(int units) {
        this(builder(units).config());
    }

    /** A Dense layer with an activation given by its Keras name ({@code "relu"}). */
    public Dense(int units, String activation) {
        this(builder(units).activation(activation).config());
    }

    /** A Dense layer from a full configuration. */
    public Dense(Config config) {
        this.config = config;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    @Override
    public Config config() {
        return config;
    }

    /** The kernel weight ({@code [inputDim, units]}), once built. */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias weight, once built; null without bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException("Input of layer \"" + name()
                    + "\" must have at least one axis besides the batch, got " + inputShape.toKerasString());
        }
        if (built() && inputShape.dim(-1) != inputShape().dim(-1)) {
            throw incompatible(inputShape);
        }
        return inputShape.withLast(config.units);
    }

    private IllegalArgumentException incompatible(Shape sample) {
        return new IllegalArgumentException("Input of layer \"" + name()
                + "\" is incompatible with the layer: expected axis -1 of input shape to have value "
                + inputShape().dim(-1) + ", but received input with shape " + sample.toKerasString());
    }

    @Override
    protected void build(Shape inputShape) {
        int inputDim = inputShape.dim(-1);
        kernel = addWeight("kernel", Shape.of(inputDim, config.units), config.kernelInitializer, true,
                config.kernelRegularizer);
        bias = config.useBias
                ? addWeight("bias", Shape.of(config.units), config.biasInitializer, true, config.biasRegularizer)
                : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        int inputDim = kernel.shape().dim(0);
        if (x.shape().dim(-1) != inputDim) {
            throw incompatible(x.shape().withoutBatch());
        }
        Call call = calls.acquire();
        call.prepare(x);
        int rows = call.rows;
        int units = config.units;
        float[] biasValues = bias == null ? null : bias.value().data();
        PackedMatrix packed = packedKernel(inputDim, units);
        if (call.fused) {
            if (packed != null) {
                SGEMM.matmulBias(x.data(), 0, packed, biasValues, call.y.data(), 0, rows, !call.linear);
            } else {
                SGEMM.matmulBias(x.data(), kernel.value().data(), biasValues, call.y.data(), rows, inputDim, units,
                        !call.linear);
            }
        } else {
            if (packed != null) {
                SGEMM.matmul(x.data(), 0, packed, call.z, 0, rows, false);
            } else {
                SGEMM.matmul(x.data(), kernel.value().data(), call.z, rows, inputDim, units, false);
            }
            if (bias != null) {
                ELEMENTWISE.addBiasRows(biasValues, 0, call.z, 0, rows, units);
            }
            if (!call.linear) {
                config.activation.forward(call.z, call.y.data(), rows, units);
            }
        }
        if (GradientTape.isRecording(x, kernel.value(), bias == null ? null : bias.value())) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /**
     * The kernel packed for the matrix product, inside an inference pass (a predict call), where the
     * weights stay unchanged from batch to batch: packed at the pass's first batch and reused by the
     * others, instead of re-packed by every product. Null outside a pass. A new pass always packs again,
     * so weights changed between passes (an optimizer step, setWeights, loadWeights, a write to the
     * kernel's array) are always seen.
     */
    private PackedMatrix packedKernel(int inputDim, int units) {
        long pass = InferencePass.current();
        if (pass == 0) {
            return null;
        }
        if (packedPass != pass) {
            if (packedKernel == null) {
                packedKernel = new PackedMatrix();
            }
            SGEMM.pack(kernel.value().data(), false, inputDim, units, packedKernel);
            packedPass = pass;
        }
        return packedKernel;
    }

    /**
     * One call's buffers and its backward: z = x·kernel + bias before the activation, y after. With
     * a linear or plain ReLU activation the product, bias and activation are one fused SGEMM call
     * writing y, and z is y: ReLU's backward only asks whether z > 0, which holds exactly where y > 0.
     */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape inputShape;
        private Tensor y;
        private float[] z;
        private float[] dz;
        private int rows;
        private boolean linear;
        private boolean fused;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(inputShape)) {
                inputShape = input.shape();
                linear = isLinear();
                fused = linear || PLAIN_RELU.equals(config.activation);
                int units = config.units;
                rows = input.size() / kernel.shape().dim(0);
                y = Tensor.zeros(input.shape().withLast(units));
                z = fused ? y.data() : new float[y.size()];
                dz = linear ? null : new float[y.size()];
            }
        }

        @Override
        public void backward() {
            int inputDim = kernel.shape().dim(0);
            int units = config.units;
            float[] gradZ;
            if (linear) {
                gradZ = y.grad();
            } else {
                gradZ = dz;
                config.activation.backward(z, y.data(), y.grad(), gradZ, rows, units);
            }
            if (kernel.trainable()) {
                SGEMM.matmulTransposeA(x.data(), gradZ, kernel.grad(), inputDim, rows, units, true);
            }
            if (bias != null && bias.trainable()) {
                ELEMENTWISE.columnSums(gradZ, 0, bias.grad(), 0, rows, units, true);
            }
            if (x.requiresGrad()) {
                SGEMM.matmulTransposeB(gradZ, kernel.value().data(), x.grad(), rows, units, inputDim, true);
            }
        }
    }

    private boolean isLinear() {
        return "linear".equals(config.activation.name());
    }

    @Override
    public String className() {
        return "Dense";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder extends WeightedLayerBuilder<Builder> {
        private final int units;

        private Builder(int units) {
            this.units = units;
        }

        @Override
        Builder self() {
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(units, activation, useBias, kernelInitializer, biasInitializer,
                    kernelRegularizer, biasRegularizer);
        }

        public Dense build() {
            return new Dense(config());
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
