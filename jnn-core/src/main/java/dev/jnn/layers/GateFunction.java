package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Relu;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;

/**
 * An activation applied to a range {@code [offset, offset + length)} of an array, as the recurrent
 * cells need for one gate of one row. sigmoid, tanh, linear and relu run on the vectorized
 * {@link Elementwise} kernels in place; any other activation goes through its block form on a
 * scratch copy (correct, a little slower).
 */
final class GateFunction {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

    private enum Kind { SIGMOID, TANH, LINEAR, RELU, OTHER }

    private final ActivationFunction function;
    private final Kind kind;
    private float[] scratchX = new float[0];
    private float[] scratchY = new float[0];
    private float[] scratchDy = new float[0];

    GateFunction(ActivationFunction function) {
        this.function = function;
        this.kind = switch (function.name()) {
            case "sigmoid" -> Kind.SIGMOID;
            case "tanh" -> Kind.TANH;
            case "linear" -> Kind.LINEAR;
            case "relu" -> function instanceof Relu r && r.negativeSlope() == 0f && r.maxValue() == null
                    && r.threshold() == 0f ? Kind.RELU : Kind.OTHER;
            default -> Kind.OTHER;
        };
    }

    /** {@code y = f(x)} on one range; {@code y} may be {@code x}. */
    void forward(float[] x, int xOffset, float[] y, int yOffset, int length) {
        switch (kind) {
            case SIGMOID -> ELEMENTWISE.sigmoid(x, xOffset, y, yOffset, length);
            case TANH -> ELEMENTWISE.tanh(x, xOffset, y, yOffset, length);
            case RELU -> ELEMENTWISE.relu(x, xOffset, y, yOffset, length);
            case LINEAR -> {
                if (x != y || xOffset != yOffset) {
                    System.arraycopy(x, xOffset, y, yOffset, length);
                }
            }
            case OTHER -> {
                ensure(length);
                System.arraycopy(x, xOffset, scratchX, 0, length);
                function.forward(scratchX, scratchY, 1, length);
                System.arraycopy(scratchY, 0, y, yOffset, length);
            }
        }
    }

    /**
     * {@code dx = f'(x) · dy} on one range, from the input {@code x} and output {@code y} of the
     * forward; {@code dx} may be {@code dy}.
     */
    void backward(float[] x, int xOffset, float[] y, int yOffset, float[] dy, int dyOffset,
                  float[] dx, int dxOffset, int length) {
        switch (kind) {
            case SIGMOID -> ELEMENTWISE.sigmoidBackward(y, yOffset, dy, dyOffset, dx, dxOffset, length);
            case TANH -> ELEMENTWISE.tanhBackward(y, yOffset, dy, dyOffset, dx, dxOffset, length);
            case RELU -> ELEMENTWISE.reluBackward(x, xOffset, dy, dyOffset, dx, dxOffset, length);
            case LINEAR -> {
                if (dx != dy || dxOffset != dyOffset) {
                    System.arraycopy(dy, dyOffset, dx, dxOffset, length);
                }
            }
            case OTHER -> {
                ensure(length);
                System.arraycopy(x, xOffset, scratchX, 0, length);
                System.arraycopy(y, yOffset, scratchY, 0, length);
                System.arraycopy(dy, dyOffset, scratchDy, 0, length);
                function.backward(scratchX, scratchY, scratchDy, scratchDy, 1, length);
                System.arraycopy(scratchDy, 0, dx, dxOffset, length);
            }
        }
    }

    /**
     * Whether several threads may use this function at once: every kind but OTHER, which goes through
     * scratch buffers of its own.
     */
    boolean threadSafe() {
        return kind != Kind.OTHER;
    }

    /** Whether this is the plain sigmoid (the fused LSTM gate math assumes it). */
    boolean isSigmoid() {
        return kind == Kind.SIGMOID;
    }

    /** Whether this is tanh. */
    boolean isTanh() {
        return kind == Kind.TANH;
    }

    /** Whether the backward needs the pre-activation input (not only the output). */
    boolean needsInput() {
        return kind == Kind.RELU || kind == Kind.OTHER;
    }

    private void ensure(int length) {
        if (scratchX.length < length) {
            scratchX = new float[length];
            scratchY = new float[length];
            scratchDy = new float[length];
        }
    }
}
