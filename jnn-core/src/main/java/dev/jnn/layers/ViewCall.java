package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.function.Function;

/**
 * One call of a reshaping layer: a tensor sharing the input's storage with another shape, whose
 * gradient flows back unchanged. Reused across steps while the input's storage and shape stay the same.
 */
final class ViewCall implements BackwardStep {
    private final Function<Tensor, Shape> targetShape;
    private Tensor x;
    private Shape sourceShape;
    private float[] source;
    private Tensor y;

    ViewCall(Function<Tensor, Shape> targetShape) {
        this.targetShape = targetShape;
    }

    Tensor view(Tensor input) {
        this.x = input;
        if (input.data() != source || !input.shape().equals(sourceShape)) {
            source = input.data();
            sourceShape = input.shape();
            y = new Tensor(targetShape.apply(input), input.data());
        }
        if (GradientTape.isRecording(input)) {
            GradientTape.active().record(y, this);
        }
        return y;
    }

    @Override
    public void backward() {
        float[] g = x.grad();
        float[] dy = y.grad();
        for (int i = 0; i < g.length; i++) {
            g[i] += dy[i];
        }
    }
}
