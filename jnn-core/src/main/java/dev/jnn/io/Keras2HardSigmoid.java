package dev.jnn.io;

import dev.jnn.activations.ElementwiseActivation;

/**
 * The {@code hard_sigmoid} of Keras 1 and 2, {@code clip(0.2·x + 0.5, 0, 1)}; Keras 3 changed the
 * function of that name to {@code relu6(x + 3) / 6}. Configs written before Keras 3 get this one, so
 * that their recurrent layers compute what they computed in Keras. It has no Keras 3 name, so a model
 * using it cannot be written in Keras 3's form.
 */
public record Keras2HardSigmoid() implements ElementwiseActivation {
    @Override
    public String name() {
        return "hard_sigmoid_keras2";
    }

    @Override
    public double apply(double x) {
        return Math.min(Math.max(0.2 * x + 0.5, 0.0), 1.0);
    }

    @Override
    public double derivative(double x, double y) {
        return x > -2.5 && x < 2.5 ? 0.2 : 0.0;
    }
}
