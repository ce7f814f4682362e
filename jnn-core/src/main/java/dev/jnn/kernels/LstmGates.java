package dev.jnn.kernels;

/**
 * The backward of one LSTM step's gate math with Keras's default activations (sigmoid gates, tanh
 * cell), fused into one pass over the step's rows.
 *
 * <p>Layout per row: {@code gates} holds the forward's gate values {@code [σ(i), σ(f), tanh(c̃), σ(o)]}
 * in Keras's block order ({@code 4·units} values), {@code dz} receives the pre-activation gradients in
 * the same layout; the states and their gradients are {@code units} values per row. Row {@code r} of
 * each array starts at {@code offset + r · rowLength}.
 *
 * <p>The separate element-wise passes this replaces (the output gate's and tanh(c)'s products, tanh's
 * slope over the cell, the carry, then three activation slopes per row) read and wrote the step's
 * 4·units-wide rows five times; fused, each value is read once. (The forward stays a sequence of
 * element-wise calls: see LSTM's cell for why.)
 *
 * <pre>{@code
 * LstmGates lstm = ElementwiseKernels.lstmGates();
 * lstm.backward(dh, 0, dc, 0, gates, 0, tanhC, 0, cPrev, 0, dz, 0, dcPrev, 0, batch, units);
 * }</pre>
 */
public interface LstmGates {
    /**
     * One step backward, from the gradients {@code dh} and {@code dc} of the step's new states and what
     * the forward kept: writes the pre-activation gradient {@code dz} ([i, f, c, o] blocks) and adds the
     * gradient through the carry, {@code dcTotal · f}, into {@code dcPrev}, where
     * {@code dcTotal = dc + dh · o · (1 - tanhC)(1 + tanhC)}.
     */
    void backward(float[] dh, int dhOffset, float[] dc, int dcOffset, float[] gates, int gatesOffset,
                  float[] tanhC, int tanhCOffset, float[] cPrev, int cPrevOffset,
                  float[] dz, int dzOffset, float[] dcPrev, int dcPrevOffset, int rows, int units);
}
