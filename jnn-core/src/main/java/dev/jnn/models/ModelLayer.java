package dev.jnn.models;

import dev.jnn.layers.Layer;
import dev.jnn.layers.LayerConfig;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * A model used as a layer of another model (Keras's {@code outer = Model(x, inner(x))}): its weights,
 * penalties, random streams and calls are the inner model's, so every use shares them.
 */
final class ModelLayer extends Layer {
    /** @param model the nested model */
    record Config(Model model) implements LayerConfig {
    }

    private final Model model;

    ModelLayer(Model model) {
        this.model = model;
        named(model.name());
    }

    @Override
    public Config config() {
        return new Config(model);
    }

    @Override
    public int inputCount() {
        List<Shape> shapes = model.inputShapes();
        return shapes == null ? 1 : shapes.size();
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return outputShapes(List.of(inputShape)).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputShapes) {
        model.build(inputShapes);
        return model.outputShapes();
    }

    @Override
    protected Tensor forward(Tensor input, boolean training) {
        return model.call(input, training);
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        return model.call(inputs, training);
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        return model.parameters();
    }

    @Override
    public List<RandomStream> randomStreams() {
        return model.randomStreams();
    }

    @Override
    public float regularizationLoss() {
        float total = 0f;
        for (Layer layer : model.layers()) {
            total += layer.regularizationLoss();
        }
        return total;
    }

    @Override
    public void addRegularizationGradients() {
        for (Layer layer : model.layers()) {
            layer.addRegularizationGradients();
        }
    }

    @Override
    public String className() {
        return model.getClass().getSimpleName();
    }
}
