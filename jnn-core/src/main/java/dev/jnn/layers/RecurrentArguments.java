package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.initializers.Initializer;
import dev.jnn.regularizers.Regularizer;

/**
 * The arguments {@link SimpleRNN}, {@link LSTM} and {@link GRU} share, with Keras's names and meaning;
 * {@link RecurrentLayer.Builder} starts from Keras's defaults.
 *
 * @param units                positive size of the state and of the output
 * @param activation           applied to the candidate state (Keras default tanh)
 * @param useBias              whether the layer has a bias
 * @param kernelInitializer    initializer of {@code kernel [input, k·units]}
 * @param recurrentInitializer initializer of {@code recurrent_kernel [units, k·units]}
 * @param biasInitializer      initializer of the bias
 * @param kernelRegularizer    penalty on the kernel, or null
 * @param recurrentRegularizer penalty on the recurrent kernel, or null
 * @param biasRegularizer      penalty on the bias, or null
 * @param dropout              fraction of the inputs dropped in training, in [0, 1); one mask per call
 *                             shared by every time step, as Keras does
 * @param recurrentDropout     fraction of the previous state dropped in the recurrent product, in [0, 1);
 *                             one mask per call shared by all gates (Keras draws one per gate, so the
 *                             random masks differ while the expected effect is the same)
 * @param seed                 seed of the dropout masks, or null for the global stream
 * @param returnSequences      whether the output is the whole sequence {@code [time, units]} or the last step
 * @param returnState          whether a list call also returns the final states
 * @param goBackwards          whether to run from the last step to the first (the sequence output then
 *                             comes in that reversed order, as in Keras)
 * @param zeroOutputForMask    whether masked steps output zeros instead of repeating the previous output
 */
public record RecurrentArguments(int units, ActivationFunction activation, boolean useBias,
                                 Initializer kernelInitializer, Initializer recurrentInitializer,
                                 Initializer biasInitializer, Regularizer kernelRegularizer,
                                 Regularizer recurrentRegularizer, Regularizer biasRegularizer,
                                 float dropout, float recurrentDropout, Long seed, boolean returnSequences,
                                 boolean returnState, boolean goBackwards, boolean zeroOutputForMask) {
    public RecurrentArguments {
        if (units <= 0) {
            throw new IllegalArgumentException("Received an invalid value for argument `units`, expected a positive "
                    + "integer, got " + units);
        }
        if (activation == null || kernelInitializer == null || recurrentInitializer == null || biasInitializer == null) {
            throw new IllegalArgumentException("recurrent layer: activation and initializers must not be null");
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("recurrent layer: dropout must be in [0, 1), got " + dropout);
        }
        if (!(recurrentDropout >= 0f && recurrentDropout < 1f)) {
            throw new IllegalArgumentException("recurrent layer: recurrent_dropout must be in [0, 1), got "
                    + recurrentDropout);
        }
    }

    /** The same arguments with another {@code go_backwards} (for a Bidirectional's backward copy). */
    public RecurrentArguments withGoBackwards(boolean backwards) {
        return new RecurrentArguments(units, activation, useBias, kernelInitializer, recurrentInitializer,
                biasInitializer, kernelRegularizer, recurrentRegularizer, biasRegularizer, dropout, recurrentDropout,
                seed, returnSequences, returnState, backwards, zeroOutputForMask);
    }

    /** The same arguments with another {@code zero_output_for_mask} (Bidirectional forces it). */
    public RecurrentArguments withZeroOutputForMask(boolean zero) {
        return new RecurrentArguments(units, activation, useBias, kernelInitializer, recurrentInitializer,
                biasInitializer, kernelRegularizer, recurrentRegularizer, biasRegularizer, dropout, recurrentDropout,
                seed, returnSequences, returnState, goBackwards, zero);
    }
}
