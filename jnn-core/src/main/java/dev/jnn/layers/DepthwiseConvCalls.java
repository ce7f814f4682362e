package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The computation of {@link DepthwiseConv2D} and {@link DepthwiseConv1D} (a sequence being an image of
 * height 1) on a channels_last batch: {@link DepthwiseConvolution}'s loops, then bias and activation.
 * Each call's buffers are reused from step to step; the layer supplies its geometry and output shape.
 */
final class DepthwiseConvCalls {
    private final int depthMultiplier;
    private final ActivationFunction activation;
    private final Function<Shape, ConvGeometry> geometry;
    private final UnaryOperator<Shape> outputShape;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /**
     * @param geometry    the layer's checked depthwise geometry for a per-sample channels_last input shape
     * @param outputShape the layer's per-sample channels_last output shape for such an input
     */
    DepthwiseConvCalls(int depthMultiplier, ActivationFunction activation, Function<Shape, ConvGeometry> geometry,
                       UnaryOperator<Shape> outputShape) {
        this.depthMultiplier = depthMultiplier;
        this.activation = activation;
        this.geometry = geometry;
        this.outputShape = outputShape;
    }

    /** {@code activation(depthwise(x) + bias)}; {@code bias} may be null. */
    Tensor forward(Tensor x, Parameter kernel, Parameter bias) {
        Call call = calls.acquire();
        call.prepare(x, kernel, bias);
        call.depthwise.forward(x.data(), kernel.value().data(), call.output.z());
        Tensor y = call.output.finish(bias);
        if (GradientTape.isRecording(x, kernel.value(), bias == null ? null : bias.value())) {
            GradientTape.active().record(y, call);
        }
        return y;
    }

    /** One call's buffers and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Parameter kernel;
        private Parameter bias;
        private Shape inputShape;
        private DepthwiseConvolution depthwise;
        private ConvOutput output;

        void prepare(Tensor input, Parameter kernel, Parameter bias) {
            this.x = input;
            this.kernel = kernel;
            this.bias = bias;
            if (!input.shape().equals(inputShape)) {
                Shape sample = input.shape().withoutBatch();
                inputShape = input.shape();
                int batch = input.shape().dim(0);
                depthwise = new DepthwiseConvolution(geometry.apply(sample), depthMultiplier, batch);
                output = new ConvOutput(activation, outputShape.apply(sample).withBatch(batch));
            }
        }

        @Override
        public void backward() {
            float[] gradZ = output.backward(bias);
            depthwise.backward(x.data(), kernel.value().data(), gradZ, x.requiresGrad() ? x.grad() : null,
                    kernel.trainable() ? kernel.grad() : null);
        }
    }
}
