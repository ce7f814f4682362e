package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The shared body of the activation layers ({@link Activation}, {@link ReLU}, {@link LeakyReLU}, {@link ELU}): an
 * {@link ActivationFunction} over the last axis, with its backward; the output has the input's shape.
 */
abstract class FunctionLayer extends Layer {
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** The function applied to the input. */
    abstract ActivationFunction function();

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        function().forward(x.data(), call.y.data(), call.rows, call.cols);
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] dx;
        private int rows;
        private int cols;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                cols = shape.rank() == 0 ? 1 : shape.dim(-1);
                rows = cols == 0 ? 0 : input.size() / cols;
                y = Tensor.zeros(shape);
                dx = new float[input.size()];
            }
        }

        @Override
        public void backward() {
            function().backward(x.data(), y.data(), y.grad(), dx, rows, cols);
            float[] g = x.grad();
            for (int i = 0; i < dx.length; i++) {
                g[i] += dx[i];
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
