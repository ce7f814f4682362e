package dev.jnn.layers;

import dev.jnn.tensor.InferencePass;

/**
 * The per-step math of one recurrent cell ({@link SimpleRNN}, {@link LSTM}, {@link GRU}) and the buffers
 * it keeps between its forward and its backward; {@link RecurrentRun} drives it. Step {@code s} counts
 * in processing order (reversed when {@code go_backwards}).
 *
 * <p>Every step works on a range of batch rows {@code [r0, r1)}: row b of a step's outputs depends
 * only on row b of its inputs, so the run may split a step's rows over the kernel pool's threads, one
 * region per step covering the recurrent product and the gate math (see {@link #rowParallel}). A cell
 * writes only its rows of shared buffers, so ranges never overlap; results do not depend on the split.
 *
 * <p>Weights the steps multiply by (the recurrent kernel, packed for SGEMM) are prepared once per
 * forward in {@link #begin} and once per backward in {@link #beginBackward}, not at every step; inside
 * an inference pass (a predict call) the forward's are prepared once for the whole pass.
 */
abstract class RecurrentCell {
    int batch;
    int steps;
    int units;
    /** The inference pass the forward's prepared weights belong to; 0 for none (prepare every time). */
    private long preparedPass;

    /** (Re)allocates buffers for a batch and a number of steps; called when either changes. */
    void resize(int newBatch, int newSteps, int newUnits) {
        this.batch = newBatch;
        this.steps = newSteps;
        this.units = newUnits;
    }

    /** Called once per forward, before the first step: prepares the weights the steps use. */
    abstract void begin();

    /** Called once per backward, before the first (last in time) step. */
    abstract void beginBackward();

    /**
     * Whether weights derived in {@link #begin} must be derived again: always outside an inference pass
     * (training changes them between steps), and at the first forward of each pass.
     */
    final boolean weightsMayHaveChanged() {
        long pass = InferencePass.current();
        if (pass != 0 && pass == preparedPass) {
            return false;
        }
        preparedPass = pass;
        return true;
    }

    /**
     * Whether different row ranges of a step may run at the same time on different threads: false when
     * an activation keeps scratch buffers of its own (see {@link GateFunction#threadSafe}).
     */
    abstract boolean rowParallel();

    /**
     * Rows {@code [r0, r1)} of step {@code s}: {@code xw} holds the input projection of the step
     * ({@code [batch, k·units]}, input bias included), {@code hin} the previous h as used by the
     * recurrent product (after recurrent dropout); reads the previous states {@code prev[k]} and writes
     * the new ones into {@code next[k]} (each {@code [batch, units]}).
     */
    abstract void forward(int s, int r0, int r1, float[] xw, float[] hin, float[][] prev, float[][] next);

    /**
     * The backward of rows {@code [r0, r1)} of step {@code s}: from {@code dNext[k]}, the gradients of
     * the step's new states, adds the gradients of the previous states through the carry into
     * {@code dPrev[k]}, writes the gradient of {@code hin} into {@code dHin} and that of the step's input
     * projection into {@code dxw}. May overwrite {@code dNext}.
     */
    abstract void backward(int s, int r0, int r1, float[][] prev, float[][] dNext, float[][] dPrev, float[] dHin,
                           float[] dxw);

    /** After the last backward step: adds the recurrent kernel's (and recurrent bias's) gradient. */
    abstract void finish();
}
