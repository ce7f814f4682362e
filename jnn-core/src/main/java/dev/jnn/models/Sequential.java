package dev.jnn.models;

import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.LayerNames;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keras's {@code Sequential}: a stack of layers, each feeding the next.
 *
 * <pre>{@code
 * var model = new Sequential();
 * model.add(Input.shape(2));
 * model.add(new Dense(8, "relu"));
 * model.add(new Dense(1, "sigmoid"));
 * model.compile("mse", "adam", "accuracy");
 * model.fit(x, y, 1000);
 * }</pre>
 */
public final class Sequential extends Model {
    private final List<Layer> layers = new ArrayList<>();
    private final String name;
    private Shape inputShape;

    /** An empty model named {@code sequential}, {@code sequential_1}, ... */
    public Sequential() {
        this.name = LayerNames.next("Sequential");
    }

    /** A model with the given layers. */
    public Sequential(Layer... layers) {
        this();
        for (Layer layer : layers) {
            add(layer);
        }
    }

    /** A model with its own name (Keras's {@code Sequential(name=...)}) and the given layers. */
    public Sequential(String name, Layer... layers) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Sequential: name must not be blank, got '" + name + "'");
        }
        this.name = name;
        for (Layer layer : layers) {
            add(layer);
        }
    }

    /**
     * Appends a layer. An {@link Input} fixes the input shape (it must come first); once the input
     * shape is known, each added layer is built at once, so shape errors surface here.
     */
    public Sequential add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("Sequential.add: layer must not be null");
        }
        if (layer instanceof Input input) {
            if (!layers.isEmpty() || inputShape != null) {
                throw new IllegalArgumentException("Sequential.add: an Input must be the first thing added to \""
                        + name + "\"");
            }
            inputShape = input.shape();
            return this;
        }
        for (Layer existing : layers) {
            if (existing.name().equals(layer.name())) {
                throw new IllegalArgumentException("Sequential.add: all layers must have unique names; \""
                        + layer.name() + "\" is already in \"" + name + "\"");
            }
        }
        if (layers.isEmpty() && inputShape == null && layer.declaredInputShape() != null) {
            inputShape = layer.declaredInputShape();
        }
        if (inputShape != null) {
            layer.build(currentOutputShape(), false);
        }
        layers.add(layer);
        return this;
    }

    private Shape currentOutputShape() {
        Shape shape = inputShape;
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
        }
        return shape;
    }

    @Override
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public void build(Shape shape) {
        if (inputShape != null) {
            if (!inputShape.equals(shape)) {
                String first = layers.isEmpty() ? name : layers.get(0).name();
                throw new IllegalArgumentException("Input 0 of layer \"" + first + "\" is incompatible with the layer: "
                        + "expected shape " + inputShape.toKerasString() + ", but received input with shape "
                        + shape.toKerasString());
            }
            if (allBuilt()) {
                return;
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential \"" + name + "\" has no layers");
        }
        Shape current = shape;
        for (Layer layer : layers) {
            layer.build(current, false);
            current = layer.outputShape(current);
        }
        inputShape = shape;
    }

    private boolean allBuilt() {
        for (Layer layer : layers) {
            if (!layer.built()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Shape outputShape() {
        if (inputShape == null) {
            throw new IllegalStateException("Sequential \"" + name + "\" has no input shape yet: add an Input or call fit/build");
        }
        return currentOutputShape();
    }

    @Override
    public Tensor call(Tensor x, boolean training) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).call(h, training);
        }
        return h;
    }
}
