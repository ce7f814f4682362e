package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.initializers.Initializer;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

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

    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter kernel;
    private Parameter bias;

    abstract int filters();

    abstract ActivationFunction activation();

    abstract boolean useBias();

    abstract Initializer kernelInitializer();

    abstract Initializer biasInitializer();

    abstract Regularizer kernelRegularizer();

    abstract Regularizer biasRegularizer();

    /** The geometry for a per-sample input shape; throws, naming the layer, when the input does not fit. */
    abstract ConvGeometry geometry(Shape sample);

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
        return ConvErrors.channelsMismatch(this, inputShape().dim(-1), sample);
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
        int channels = inputShape.dim(-1);
        kernel = addWeight("kernel", kernelShape(channels), kernelInitializer(), true, kernelRegularizer());
        bias = useBias()
                ? addWeight("bias", Shape.of(filters()), biasInitializer(), true, biasRegularizer())
                : null;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        ConvGeometry g = call.geometry;
        int patch = g.patchSize();
        int filters = filters();
        float[] cols = call.cols;
        if (cols != x.data()) {
            g.im2col(x.data(), cols, call.batch);
        }
        SGEMM.matmul(cols, kernel.value().data(), call.z, call.rows, patch, filters, false);
        if (bias != null) {
            ELEMENTWISE.addBiasRows(bias.value().data(), 0, call.z, 0, call.rows, filters);
        }
        if (!call.linear) {
            activation().forward(call.z, call.y.data(), call.rows, filters);
        }
        if (GradientTape.isRecording(x, kernel.value(), bias == null ? null : bias.value())) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's buffers and backward: cols = im2col(x), z before the activation, y after. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape inputShape;
        private ConvGeometry geometry;
        private int batch;
        private int rows;
        private boolean linear;
        private boolean identity;
        private float[] cols;
        private float[] dcols;
        private float[] z;
        private float[] dz;
        private Tensor y;

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
                identity = geometry.isIdentity();
                cols = identity ? null : new float[rows * geometry.patchSize()];
                dcols = null;
                y = Tensor.zeros(outputShape(sample).withBatch(batch));
                z = linear ? y.data() : new float[y.size()];
                dz = linear ? null : new float[y.size()];
            }
            if (identity) {
                cols = input.data();
            }
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
                activation().backward(z, y.data(), y.grad(), gradZ, rows, filters);
            }
            if (kernel.trainable()) {
                SGEMM.matmulTransposeA(cols, gradZ, kernel.grad(), patch, rows, filters, true);
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
                    geometry.col2im(dcols, x.grad(), batch);
                }
            }
        }
    }
}
