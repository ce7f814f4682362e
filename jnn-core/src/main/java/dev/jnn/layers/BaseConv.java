package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Relu;
import dev.jnn.initializers.Initializer;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Parallel;
import dev.jnn.kernels.Sgemm;
import dev.jnn.kernels.Transpose;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.function.IntConsumer;

/**
 * The computation shared by {@link Conv1D} and {@link Conv2D}, as Keras's {@code BaseConv}:
 * {@code y = activation(im2col(x) · kernel + bias)}, one fused op with one backward.
 *
 * <p>The kernel, stored in Keras's layout ({@code [k, in, filters]} or {@code [kh, kw, in, filters]}),
 * is the row-major matrix {@code [kh·kw·in, filters]}; im2col rows are output positions (see
 * {@link ConvGeometry}). Backward: {@code dKernel += colsᵀ·dZ}, {@code dBias += column sums of dZ},
 * {@code dx += col2im(dZ·kernelᵀ)}. A 1×1 kernel with stride 1 skips im2col and uses the input as is.
 */
abstract class BaseConv extends Layer {
    private static final Sgemm SGEMM = Kernels.sgemm();
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

    /** Floats per task of the split passes: below about this much work a fork costs more than it saves. */
    private static final long GRAIN = 1 << 15;

    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter kernel;
    private Parameter bias;
    private final ChannelsFirst channelsFirst = new ChannelsFirst();

    abstract int filters();

    abstract ActivationFunction activation();

    abstract boolean useBias();

    abstract Initializer kernelInitializer();

    abstract Initializer biasInitializer();

    abstract Regularizer kernelRegularizer();

    abstract Regularizer biasRegularizer();

    /** Keras's {@code data_format}. */
    abstract DataFormat dataFormat();

    /**
     * The geometry for a channels_last per-sample input shape; throws, naming the layer, when the input
     * does not fit.
     */
    abstract ConvGeometry geometry(Shape sample);

    /** The channels_last per-sample output shape for a channels_last per-sample input shape. */
    abstract Shape channelsLastOutputShape(Shape sample);

    @Override
    public final Shape outputShape(Shape inputShape) {
        DataFormat format = dataFormat();
        if (format == DataFormat.CHANNELS_LAST) {
            return channelsLastOutputShape(inputShape);
        }
        requireChannelsFirstInput(inputShape);
        return format.fromChannelsLast(channelsLastOutputShape(format.toChannelsLast(inputShape)));
    }

    /**
     * Checks a channels_first input before it is transposed, so that errors show the shape the caller
     * gave and name axis 1, as Keras's input spec does.
     */
    private void requireChannelsFirstInput(Shape sample) {
        int ndim = kernelShape(1).rank();
        if (sample.rank() != ndim - 1) {
            throw wrongRank(sample, ndim);
        }
        if (built() && sample.dim(0) != inputShape().dim(0)) {
            throw ConvErrors.channelsMismatch(this, 1, inputShape().dim(0), sample);
        }
    }

    /** Keras's kernel shape for {@code channels} input channels. */
    abstract Shape kernelShape(int channels);

    /** The kernel weight (Keras's layout), once built. */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias weight ({@code [filters]}), once built; null without bias. */
    public Parameter bias() {
        return bias;
    }

    /** The error for an input whose channel count differs from the one the layer was built for. */
    final IllegalArgumentException channelsMismatch(Shape sample) {
        return ConvErrors.channelsMismatch(this, -1, inputShape().dim(-1), sample);
    }

    /** The error for an input whose rank (batch included) is not {@code ndim}, worded as Keras's. */
    final IllegalArgumentException wrongRank(Shape sample, int ndim) {
        return ConvErrors.wrongRank(this, sample, ndim);
    }

    /** The error for a valid-padded input smaller than the dilated kernel. */
    final IllegalArgumentException tooSmall(Shape sample) {
        return ConvErrors.tooSmall(this, sample, kernelShape(sample.dim(-1)));
    }

    @Override
    protected void build(Shape inputShape) {
        int channels = dataFormat().channels(inputShape);
        kernel = addWeight("kernel", kernelShape(channels), kernelInitializer(), true, kernelRegularizer());
        bias = useBias()
                ? addWeight("bias", Shape.of(filters()), biasInitializer(), true, biasRegularizer())
                : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (dataFormat() == DataFormat.CHANNELS_LAST) {
            return convolve(x);
        }
        Shape batchShape = x.shape();
        if (batchShape.rank() != kernel.shape().rank() || batchShape.dim(1) != kernel.shape().dim(-2)) {
            requireChannelsFirstInput(batchShape.withoutBatch()); // throws, naming the layer and the shape
        }
        return channelsFirst.toChannelsFirst(convolve(channelsFirst.toChannelsLast(x, training)), training);
    }

    /** The convolution of a channels_last batch. */
    private Tensor convolve(Tensor x) {
        Call call = calls.acquire();
        call.prepare(x);
        if (call.cols != x.data()) {
            Parallel.run(call.tasks, call.im2colTask);
        }
        if (call.chunked) {
            // Bias and ReLU in the product's epilogue, while each tile of y is in cache; z is y.
            SGEMM.matmulBias(call.cols, kernel.value().data(), bias == null ? null : bias.value().data(),
                    call.y.data(), call.rows, call.geometry.patchSize(), filters(), !call.linear);
        } else {
            SGEMM.matmul(call.cols, kernel.value().data(), call.z, call.rows, call.geometry.patchSize(), filters(),
                    false);
            if (bias != null) {
                ELEMENTWISE.addBiasRows(bias.value().data(), 0, call.z, 0, call.rows, filters());
            }
            activation().forward(call.z, call.y.data(), call.rows, filters());
        }
        if (GradientTape.isRecording(x, kernel.value(), bias == null ? null : bias.value())) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** Whether the activation is Keras's default {@code relu}, whose kernel takes offsets and can run in chunks. */
    private static boolean plainRelu(ActivationFunction activation) {
        return activation instanceof Relu relu && relu.equals(new Relu());
    }

    /**
     * One call's buffers and backward: cols = im2col(x), z before the activation, y after.
     *
     * <p>The gathers, scatters and element-wise passes are split over the samples ({@code tasks}
     * runs, fixed by the sizes): each run writes only its samples' rows. The bias and a plain ReLU are
     * applied by the forward product's epilogue (SGEMM matmulBias). The matrix products thread
     * themselves.
     */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape inputShape;
        private ConvGeometry geometry;
        private int batch;
        private int rows;
        private boolean linear;
        private boolean chunked;
        private boolean identity;
        private int tasks = 1;
        private float[] cols;
        private float[] dcols;
        private float[] z;
        private float[] dz;
        private float[] narrowT;
        private float[] kernelGradT;
        private Tensor y;
        // Bound once, so that a call allocates no lambda.
        private final IntConsumer im2colTask = this::im2colTask;
        private final IntConsumer activationBackwardTask = this::activationBackwardTask;
        private final IntConsumer col2imTask = this::col2imTask;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(inputShape)) {
                Shape sample = input.shape().withoutBatch();
                if (sample.dim(-1) != kernel.shape().dim(-2)) {
                    throw channelsMismatch(sample);
                }
                inputShape = input.shape();
                geometry = geometry(sample);
                batch = input.shape().dim(0);
                rows = batch * geometry.positions();
                linear = "linear".equals(activation().name());
                chunked = linear || plainRelu(activation());
                identity = geometry.isIdentity();
                tasks = Parallel.tasks(batch, (long) rows * Math.max(geometry.patchSize(), filters()), GRAIN);
                cols = identity ? null : new float[rows * geometry.patchSize()];
                dcols = null;
                narrowT = null;
                kernelGradT = null;
                y = Tensor.zeros(channelsLastOutputShape(sample).withBatch(batch));
                // With a linear or plain ReLU activation the fused product writes y, and z is y: ReLU's
                // backward only asks whether z > 0, which holds exactly where y > 0.
                z = chunked ? y.data() : new float[y.size()];
                dz = linear ? null : new float[y.size()];
            }
            if (identity) {
                cols = input.data();
            }
        }

        private int firstRow(int t) {
            return Parallel.start(t, tasks, batch) * geometry.positions();
        }

        private void im2colTask(int t) {
            geometry.im2col(x.data(), cols, Parallel.start(t, tasks, batch), Parallel.start(t + 1, tasks, batch));
        }

        private void activationBackwardTask(int t) {
            int filters = filters();
            int from = firstRow(t) * filters;
            int to = firstRow(t + 1) * filters;
            ELEMENTWISE.reluBackward(z, from, y.grad(), from, dz, from, to - from);
        }

        private void col2imTask(int t) {
            geometry.col2im(dcols, x.grad(), Parallel.start(t, tasks, batch), Parallel.start(t + 1, tasks, batch));
        }

        @Override
        public void backward() {
            int patch = geometry.patchSize();
            int filters = filters();
            float[] gradZ;
            if (linear) {
                gradZ = y.grad();
            } else {
                gradZ = dz;
                if (chunked) {
                    Parallel.run(tasks, activationBackwardTask);
                } else {
                    activation().backward(z, y.data(), y.grad(), gradZ, rows, filters);
                }
            }
            if (kernel.trainable()) {
                kernelGradient(gradZ, patch, filters);
            }
            if (bias != null && bias.trainable()) {
                ELEMENTWISE.columnSums(gradZ, 0, bias.grad(), 0, rows, filters, true);
            }
            if (x.requiresGrad()) {
                if (identity) {
                    SGEMM.matmulTransposeB(gradZ, kernel.value().data(), x.grad(), rows, filters, patch, true);
                } else {
                    if (dcols == null) {
                        dcols = new float[cols.length];
                    }
                    SGEMM.matmulTransposeB(gradZ, kernel.value().data(), dcols, rows, filters, patch, false);
                    Parallel.run(tasks, col2imTask);
                }
            }
        }

        /**
         * {@code dKernel += colsᵀ · dZ}. Both cols and dZ are tall and narrow (one row per output
         * position), and an SGEMM packing a transposed tall operand walks all of it once per panel of
         * a few columns; so the narrower of the two is transposed once, in one pass, and multiplied
         * untransposed: {@code colsᵀ · dZ} directly when the patch is the narrower, otherwise
         * {@code (dZᵀ · cols)ᵀ}, added into the gradient.
         */
        private void kernelGradient(float[] gradZ, int patch, int filters) {
            float[] grad = kernel.grad();
            if (narrowT == null) {
                narrowT = new float[rows * Math.min(patch, filters)];
            }
            if (patch <= filters) {
                Transpose.run(cols, rows, patch, narrowT);
                SGEMM.matmul(narrowT, gradZ, grad, patch, rows, filters, true);
                return;
            }
            if (kernelGradT == null) {
                kernelGradT = new float[filters * patch];
            }
            Transpose.run(gradZ, rows, filters, narrowT);
            SGEMM.matmul(narrowT, cols, kernelGradT, filters, rows, patch, false);
            for (int q = 0; q < patch; q++) {
                for (int f = 0; f < filters; f++) {
                    grad[q * filters + f] += kernelGradT[f * patch + q];
                }
            }
        }
    }
}
