package dev.jnn.layers;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Parallel;
import dev.jnn.kernels.Sgemm;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One call of a {@link RecurrentLayer}: its buffers, outputs and backward (BPTT), reused from one
 * training step to the next.
 *
 * <p>Forward: the input projection of every step, {@code x · kernel + bias}, is one SGEMM of
 * {@code [batch·time, features] × [features, k·units]}; each step then runs its cell on whole rows.
 * Backward walks the steps in reverse; the kernel's gradient is one SGEMM over all steps at the end.
 *
 * <p>Each step's rows are cut into tasks shared with the kernel pool's threads (one region per step:
 * the cell's recurrent product, gate math, masks and copies of those rows), from STEP_GRAIN
 * multiply-adds of the recurrent product per task on; smaller steps run in the calling thread. The
 * number of tasks depends on the sizes only and rows never interact within a step, so results do not
 * depend on the number of threads.
 */
final class RecurrentRun implements BackwardStep {
    private static final Sgemm SGEMM = Kernels.sgemm();
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();
    /**
     * Multiply-adds of a step's recurrent product per task: 2²⁰ (about 30 µs on one core) keeps the
     * fork/join round trip of a region, a few µs, small; batch 64 × 128 LSTM units gives 4 tasks.
     */
    static final long STEP_GRAIN = 1L << 20;

    private final RecurrentLayer layer;
    private final RecurrentArguments args;
    private final RecurrentCell cell;
    final List<Tensor> outputs = new ArrayList<>();
    private int batch = -1;
    private int steps = -1;
    private int features;
    private int width;
    private int units;
    private int stateCount;

    private Tensor x;
    private List<Tensor> initial;
    private float[] mask;
    /** The input as multiplied by the kernel: x itself, or x after input dropout. */
    private float[] source;
    private float[] droppedInput;
    private boolean inputMaskActive;
    private boolean recurrentMaskActive;
    private float[] inputMask;
    private float[] recurrentMask;
    private float[] hinScratch;
    private float[] xw;
    private float[] xwStep;
    /** stepStates[s][k]: state k before step s; stepStates[s + 1][k] after it. */
    private float[][][] stepStates;
    private float[] out;
    private Tensor y;
    private Tensor[] stateOut;

    private float[] dxw;
    private float[] dxwStep;
    private float[] dHin;
    private float[][] dState;
    private float[][] dCand;
    private float[] dOut;
    private float[] dInput;

    // The step the row tasks work on, and how its rows are cut.
    private int stepS;
    private int stepT;
    private int tasks;
    private final IntConsumer forwardTask = this::forwardTask;
    private final IntConsumer backwardTask = this::backwardTask;

    RecurrentRun(RecurrentLayer layer) {
        this.layer = layer;
        this.args = layer.arguments();
        this.cell = layer.newCell();
    }

    void forward(Tensor input, List<Tensor> inputs, boolean training) {
        prepare(input);
        this.x = input;
        this.initial = inputs;
        this.mask = maskOf(input);
        cell.begin();
        int rows = batch * steps;
        source = input.data();
        boolean dropInputs = training && args.dropout() > 0f;
        if (dropInputs) {
            fillDropoutMask(inputMask, args.dropout());
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < steps; t++) {
                    int at = (b * steps + t) * features;
                    ELEMENTWISE.multiply(source, at, inputMask, b * features, droppedInput, at, features);
                }
            }
            source = droppedInput;
        }
        // The input bias (the first k·units values; GRU's reset_after bias has a recurrent row after it)
        // is added by the product's epilogue, while each tile of xw is in cache.
        SGEMM.matmulBias(source, layer.kernel.value().data(), layer.bias == null ? null : layer.bias.value().data(),
                xw, rows, features, width, false);
        for (int k = 0; k < stateCount; k++) {
            float[] s0 = stepStates[0][k];
            if (inputs != null) {
                System.arraycopy(inputs.get(1 + k).data(), 0, s0, 0, s0.length);
            } else {
                Arrays.fill(s0, 0f);
            }
        }
        recurrentMaskActive = training && args.recurrentDropout() > 0f;
        if (recurrentMaskActive) {
            fillDropoutMask(recurrentMask, args.recurrentDropout());
        }
        inputMaskActive = dropInputs;
        Arrays.fill(out, 0f);
        tasks = stepTasks();
        for (int s = 0; s < steps; s++) {
            stepS = s;
            stepT = args.goBackwards() ? steps - 1 - s : s;
            runStep(forwardTask);
        }
        if (!args.returnSequences()) {
            System.arraycopy(out, 0, y.data(), 0, out.length);
        }
        for (int k = 0; k < stateOut.length; k++) {
            System.arraycopy(stepStates[steps][k], 0, stateOut[k].data(), 0, batch * units);
        }
        if (GradientTape.active() != null && (input.requiresGrad() || parametersNeedGrad() || statesNeedGrad())) {
            for (Tensor s : stateOut) {
                s.markRequiresGrad();
                s.zeroGrad();
            }
            GradientTape.active().record(y, this);
        }
    }

    /** Tasks per step: from the recurrent product's size only (rows · units · k·units). */
    private int stepTasks() {
        return cell.rowParallel() ? Parallel.tasks(batch, (long) batch * units * width, STEP_GRAIN) : 1;
    }

    private void runStep(IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
        } else {
            Parallel.run(tasks, task);
        }
    }

    /** Rows of the current step: input projection, recurrent dropout, cell, masks, output. */
    private void forwardTask(int task) {
        int r0 = Parallel.start(task, tasks, batch);
        int r1 = Parallel.start(task + 1, tasks, batch);
        int s = stepS;
        int t = stepT;
        for (int b = r0; b < r1; b++) {
            System.arraycopy(xw, (b * steps + t) * width, xwStep, b * width, width);
        }
        float[] hin = stepStates[s][0];
        if (recurrentMaskActive) {
            int at = r0 * units;
            ELEMENTWISE.multiply(hin, at, recurrentMask, at, hinScratch, at, (r1 - r0) * units);
            hin = hinScratch;
        }
        cell.forward(s, r0, r1, xwStep, hin, stepStates[s], stepStates[s + 1]);
        applyMask(s, t, r0, r1);
        if (args.returnSequences()) {
            float[] yData = y.data();
            for (int b = r0; b < r1; b++) {
                System.arraycopy(out, b * units, yData, (b * steps + s) * units, units);
            }
        }
    }

    private boolean parametersNeedGrad() {
        return layer.kernel.trainable() || layer.recurrentKernel.trainable()
                || (layer.bias != null && layer.bias.trainable());
    }

    private boolean statesNeedGrad() {
        if (initial == null) {
            return false;
        }
        for (int i = 1; i < initial.size(); i++) {
            if (initial.get(i).requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    private float[] maskOf(Tensor input) {
        Tensor m = input.mask();
        if (m == null) {
            return null;
        }
        if (m.size() != batch * steps) {
            throw new IllegalArgumentException("Mask of layer \"" + layer.name() + "\" must have shape [" + batch
                    + ", " + steps + "] (batch, time), got " + m.shape());
        }
        return m.data();
    }

    private void fillDropoutMask(float[] target, float rate) {
        float scale = 1f / (1f - rate);
        for (int i = 0; i < target.length; i++) {
            target[i] = layer.random().nextDouble() >= rate ? scale : 0f;
        }
    }

    /** Keeps the previous states (and output) on the rows masked at time {@code t}; updates the output. */
    private void applyMask(int s, int t, int r0, int r1) {
        float[][] prev = stepStates[s];
        float[][] next = stepStates[s + 1];
        if (mask == null) {
            System.arraycopy(next[0], r0 * units, out, r0 * units, (r1 - r0) * units);
            return;
        }
        for (int b = r0; b < r1; b++) {
            int row = b * units;
            if (mask[b * steps + t] != 0f) {
                System.arraycopy(next[0], row, out, row, units);
            } else {
                for (int k = 0; k < stateCount; k++) {
                    System.arraycopy(prev[k], row, next[k], row, units);
                }
                if (args.zeroOutputForMask()) {
                    Arrays.fill(out, row, row + units, 0f);
                }
            }
        }
    }

    private void prepare(Tensor input) {
        Shape shape = input.shape();
        if (shape.rank() != 3) {
            throw new IllegalArgumentException("Input of layer \"" + layer.name()
                    + "\" is incompatible with the layer: expected ndim=3, found ndim=" + shape.rank()
                    + ". Full shape received: " + shape);
        }
        int newBatch = shape.dim(0);
        int newSteps = shape.dim(1);
        if (newBatch == batch && newSteps == steps) {
            return;
        }
        batch = newBatch;
        steps = newSteps;
        features = shape.dim(2);
        units = args.units();
        width = layer.gateCount() * units;
        stateCount = layer.stateCount();
        int rows = batch * steps;
        droppedInput = args.dropout() > 0f ? new float[rows * features] : null;
        inputMask = args.dropout() > 0f ? new float[batch * features] : null;
        recurrentMask = args.recurrentDropout() > 0f ? new float[batch * units] : null;
        hinScratch = args.recurrentDropout() > 0f ? new float[batch * units] : null;
        xw = new float[rows * width];
        xwStep = new float[batch * width];
        stepStates = new float[steps + 1][stateCount][batch * units];
        out = new float[batch * units];
        y = Tensor.zeros(args.returnSequences() ? Shape.of(batch, steps, units) : Shape.of(batch, units));
        stateOut = new Tensor[args.returnState() ? stateCount : 0];
        outputs.clear();
        outputs.add(y);
        for (int k = 0; k < stateOut.length; k++) {
            stateOut[k] = Tensor.zeros(batch, units);
            outputs.add(stateOut[k]);
        }
        dxw = new float[rows * width];
        dxwStep = new float[batch * width];
        dHin = new float[batch * units];
        dState = new float[stateCount][batch * units];
        dCand = new float[stateCount][batch * units];
        dOut = new float[batch * units];
        dInput = args.dropout() > 0f ? new float[rows * features] : null;
        cell.resize(batch, steps, units);
    }

    @Override
    public void backward() {
        float[] yGrad = y.grad();
        Arrays.fill(dOut, 0f);
        for (int k = 0; k < stateCount; k++) {
            float[] g = k < stateOut.length ? stateOut[k].grad() : null;
            if (g != null) {
                System.arraycopy(g, 0, dState[k], 0, g.length);
            } else {
                Arrays.fill(dState[k], 0f);
            }
        }
        if (!args.returnSequences()) {
            System.arraycopy(yGrad, 0, dOut, 0, dOut.length);
        }
        cell.beginBackward();
        tasks = stepTasks();
        for (int s = steps - 1; s >= 0; s--) {
            stepS = s;
            stepT = args.goBackwards() ? steps - 1 - s : s;
            // The gradients of the states after step s become those of the cell's new states (dCand);
            // dState collects the gradients of the states before it.
            float[][] swap = dCand;
            dCand = dState;
            dState = swap;
            runStep(backwardTask);
        }
        if (initial != null) {
            for (int k = 0; k < stateCount; k++) {
                Tensor s0 = initial.get(1 + k);
                if (s0.requiresGrad()) {
                    ELEMENTWISE.add(s0.grad(), 0, dState[k], 0, s0.grad(), 0, dState[k].length);
                }
            }
        }
        cell.finish();
        inputGradients();
    }

    /** Rows of the current step, backward: output gradient, masks, cell, recurrent dropout. */
    private void backwardTask(int task) {
        int r0 = Parallel.start(task, tasks, batch);
        int r1 = Parallel.start(task + 1, tasks, batch);
        int s = stepS;
        int t = stepT;
        int at = r0 * units;
        int length = (r1 - r0) * units;
        if (args.returnSequences()) {
            float[] yGrad = y.grad();
            for (int b = r0; b < r1; b++) {
                ELEMENTWISE.add(dOut, b * units, yGrad, (b * steps + s) * units, dOut, b * units, units);
            }
        }
        splitGradients(t, r0, r1);
        cell.backward(s, r0, r1, stepStates[s], dCand, dState, dHin, dxwStep);
        if (recurrentMaskActive) {
            ELEMENTWISE.multiply(dHin, at, recurrentMask, at, dHin, at, length);
        }
        ELEMENTWISE.add(dState[0], at, dHin, at, dState[0], at, length);
        for (int b = r0; b < r1; b++) {
            System.arraycopy(dxwStep, b * width, dxw, (b * steps + t) * width, width);
        }
    }

    /** The kernel's and bias's gradients over all steps, and the input's. */
    private void inputGradients() {
        int rows = batch * steps;
        if (layer.kernel.trainable()) {
            SGEMM.matmulTransposeA(source, dxw, layer.kernel.grad(), features, rows, width, true);
        }
        if (layer.bias != null && layer.bias.trainable()) {
            ELEMENTWISE.columnSums(dxw, 0, layer.bias.grad(), 0, rows, width, true);
        }
        if (x.requiresGrad()) {
            float[] kernel = layer.kernel.value().data();
            if (inputMaskActive) {
                SGEMM.matmulTransposeB(dxw, kernel, dInput, rows, width, features, false);
                float[] xGrad = x.grad();
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < steps; t++) {
                        int at = (b * steps + t) * features;
                        ELEMENTWISE.multiply(dInput, at, inputMask, b * features, dInput, at, features);
                    }
                }
                ELEMENTWISE.add(xGrad, 0, dInput, 0, xGrad, 0, xGrad.length);
            } else {
                SGEMM.matmulTransposeB(dxw, kernel, x.grad(), rows, width, features, true);
            }
        }
    }

    /**
     * On rows {@code [r0, r1)}: turns the gradients of the states after the step (now in dCand) and of
     * its output (dOut) into those of the cell's new states (dCand); masked rows pass theirs on to the
     * previous step instead. Leaves dState at zero on the rows the cell will fill with the previous
     * states' gradients.
     */
    private void splitGradients(int t, int r0, int r1) {
        int at = r0 * units;
        int length = (r1 - r0) * units;
        for (int k = 0; k < stateCount; k++) {
            Arrays.fill(dState[k], at, at + length, 0f);
        }
        if (mask == null) {
            ELEMENTWISE.add(dCand[0], at, dOut, at, dCand[0], at, length);
            Arrays.fill(dOut, at, at + length, 0f);
            return;
        }
        for (int b = r0; b < r1; b++) {
            int row = b * units;
            if (mask[b * steps + t] != 0f) {
                ELEMENTWISE.add(dCand[0], row, dOut, row, dCand[0], row, units);
                Arrays.fill(dOut, row, row + units, 0f);
            } else {
                // A masked step copied its states and output forward: their gradients go back unchanged.
                for (int k = 0; k < stateCount; k++) {
                    System.arraycopy(dCand[k], row, dState[k], row, units);
                    Arrays.fill(dCand[k], row, row + units, 0f);
                }
                if (args.zeroOutputForMask()) {
                    Arrays.fill(dOut, row, row + units, 0f);
                }
            }
        }
    }
}
