package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The computation of {@link Conv2DTranspose} and {@link Conv1DTranspose} (a sequence being an image of
 * height 1) on a channels_last batch: {@code cols = x · kernelᵀ}, one row per input position, then
 * {@code col2im} onto the output, bias and activation. The geometry is that of the convolution being
 * transposed (its output positions are this layer's input pixels). Each call's buffers are reused
 * from step to step; the layer supplies its geometry and output shape.
 */
final class TransposeConvCalls {
    private static final Sgemm SGEMM = Kernels.sgemm();

    private final ActivationFunction activation;
    private final Function<Shape, ConvGeometry> geometry;
    private final UnaryOperator<Shape> outputShape;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /**
     * @param geometry    the checked geometry of the transposed convolution for a per-sample channels_last input
     * @param outputShape the layer's per-sample channels_last output shape for such an input
     */
    TransposeConvCalls(ActivationFunction activation, Function<Shape, ConvGeometry> geometry,
                       UnaryOperator<Shape> outputShape) {
        this.activation = activation;
        this.geometry = geometry;
        this.outputShape = outputShape;
    }

    /** {@code activation(col2im(x · kernelᵀ) + bias)}; {@code bias} may be null. */
    Tensor forward(Tensor x, Parameter kernel, Parameter bias) {
        Call call = calls.acquire();
        call.prepare(x, kernel, bias);
        ConvGeometry g = call.geometry;
        float[] z = call.output.z();
        if (call.identity) {
            SGEMM.matmulTransposeB(x.data(), kernel.value().data(), z, call.rows, call.channels, g.patchSize(), false);
        } else {
            SGEMM.matmulTransposeB(x.data(), kernel.value().data(), call.cols, call.rows, call.channels,
                    g.patchSize(), false);
            Arrays.fill(z, 0f);
            g.col2im(call.cols, z, call.batch);
        }
        Tensor y = call.output.finish(bias);
        if (GradientTape.isRecording(x, kernel.value(), bias == null ? null : bias.value())) {
            GradientTape.active().record(y, call);
        }
        return y;
    }

    /** One call's buffers and backward: {@code dcols = im2col(dz)}, {@code dx += dcols·kernel}, {@code dK += dcolsᵀ·x}. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Parameter kernel;
        private Parameter bias;
        private Shape inputShape;
        private ConvGeometry geometry;
        private int batch;
        private int rows;
        private int channels;
        private boolean identity;
        private float[] cols;
        private ConvOutput output;

        void prepare(Tensor input, Parameter kernel, Parameter bias) {
            this.x = input;
            this.kernel = kernel;
            this.bias = bias;
            if (!input.shape().equals(inputShape)) {
                Shape sample = input.shape().withoutBatch();
                inputShape = input.shape();
                geometry = TransposeConvCalls.this.geometry.apply(sample);
                batch = input.shape().dim(0);
                channels = sample.dim(-1);
                rows = batch * geometry.positions();
                identity = geometry.isIdentity();
                // the forward's cols are dead after col2im, so the backward reuses them for im2col(dz)
                cols = identity ? null : new float[rows * geometry.patchSize()];
                output = new ConvOutput(activation, outputShape.apply(sample).withBatch(batch));
            }
        }

        @Override
        public void backward() {
            float[] gradZ = output.backward(bias);
            int patch = geometry.patchSize();
            float[] dcols = gradZ;
            if (!identity) {
                dcols = cols;
                geometry.im2col(gradZ, dcols, batch);
            }
            if (kernel.trainable()) {
                SGEMM.matmulTransposeA(dcols, x.data(), kernel.grad(), patch, rows, channels, true);
            }
            if (x.requiresGrad()) {
                SGEMM.matmul(dcols, kernel.value().data(), x.grad(), rows, patch, channels, true);
            }
        }
    }
}
