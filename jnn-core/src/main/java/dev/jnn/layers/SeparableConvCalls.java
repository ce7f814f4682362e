package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The computation of {@link SeparableConv2D} and {@link SeparableConv1D} (a sequence being an image of
 * height 1) on a channels_last batch: the depthwise pass, then the pointwise product as one SGEMM on
 * the depthwise result seen as {@code [batch·positions, in·depthMultiplier]}, then bias and activation.
 * Each call's buffers are reused from step to step; the layer supplies its geometry and output shape.
 */
final class SeparableConvCalls {
    private static final Sgemm SGEMM = Kernels.sgemm();

    private final int filters;
    private final int depthMultiplier;
    private final ActivationFunction activation;
    private final Function<Shape, ConvGeometry> geometry;
    private final UnaryOperator<Shape> outputShape;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /**
     * @param geometry    the layer's checked depthwise geometry for a per-sample channels_last input shape
     * @param outputShape the layer's per-sample channels_last output shape for such an input
     */
    SeparableConvCalls(int filters, int depthMultiplier, ActivationFunction activation,
                       Function<Shape, ConvGeometry> geometry, UnaryOperator<Shape> outputShape) {
        this.filters = filters;
        this.depthMultiplier = depthMultiplier;
        this.activation = activation;
        this.geometry = geometry;
        this.outputShape = outputShape;
    }

    /** {@code activation(depthwise(x) · pointwise + bias)}; {@code bias} may be null. */
    Tensor forward(Tensor x, Parameter depthwiseKernel, Parameter pointwiseKernel, Parameter bias) {
        Call call = calls.acquire();
        call.prepare(x, depthwiseKernel, pointwiseKernel, bias);
        call.convolution.forward(x.data(), depthwiseKernel.value().data(), call.depthwise);
        SGEMM.matmul(call.depthwise, pointwiseKernel.value().data(), call.output.z(), call.rows,
                call.depthwiseChannels, filters, false);
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
        private Parameter depthwiseKernel;
        private Parameter pointwiseKernel;
        private Parameter bias;
        private Shape inputShape;
        private DepthwiseConvolution convolution;
        private int rows;
        private int depthwiseChannels;
        private float[] depthwise;
        private float[] depthwiseGrad;
        private ConvOutput output;

        void prepare(Tensor input, Parameter depthwiseKernel, Parameter pointwiseKernel, Parameter bias) {
            this.x = input;
            this.depthwiseKernel = depthwiseKernel;
            this.pointwiseKernel = pointwiseKernel;
            this.bias = bias;
            if (!input.shape().equals(inputShape)) {
                Shape sample = input.shape().withoutBatch();
                inputShape = input.shape();
                ConvGeometry g = geometry.apply(sample);
                int batch = input.shape().dim(0);
                convolution = new DepthwiseConvolution(g, depthMultiplier, batch);
                rows = batch * g.positions();
                depthwiseChannels = sample.dim(-1) * depthMultiplier;
                depthwise = new float[rows * depthwiseChannels];
                depthwiseGrad = null;
                output = new ConvOutput(activation, outputShape.apply(sample).withBatch(batch));
            }
        }

        @Override
        public void backward() {
            float[] gradZ = output.backward(bias);
            if (pointwiseKernel.trainable()) {
                SGEMM.matmulTransposeA(depthwise, gradZ, pointwiseKernel.grad(), depthwiseChannels, rows, filters,
                        true);
            }
            boolean inputGrad = x.requiresGrad();
            if (!inputGrad && !depthwiseKernel.trainable()) {
                return;
            }
            if (depthwiseGrad == null) {
                depthwiseGrad = new float[depthwise.length];
            }
            SGEMM.matmulTransposeB(gradZ, pointwiseKernel.value().data(), depthwiseGrad, rows, filters,
                    depthwiseChannels, false);
            convolution.backward(x.data(), depthwiseKernel.value().data(), depthwiseGrad, inputGrad ? x.grad() : null,
                    depthwiseKernel.trainable() ? depthwiseKernel.grad() : null);
        }
    }
}
