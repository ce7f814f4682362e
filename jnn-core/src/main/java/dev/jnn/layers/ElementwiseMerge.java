package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * The element-wise merges ({@link Add}, {@link Subtract}, {@link Multiply}, {@link Average},
 * {@link Maximum}, {@link Minimum}) with Keras's broadcasting: per-sample shapes are aligned on their
 * last axes (a lower-rank input gets size-1 axes inserted after the batch axis, as Keras's
 * {@code expand_dims(x, 1)}), and on each axis the sizes must be equal or one of them 1.
 *
 * <p>Masks follow Keras 3: when every input carries a mask, the output's mask is their logical OR
 * (reduced with "any" over the last axis where the inputs' masks had to be broadcast); when an input
 * has none, the output has none. {@link Multiply}, {@link Maximum} and {@link Minimum} also let the
 * masks choose the values, as Keras's {@code _merge_function}s do.
 */
public abstract class ElementwiseMerge extends Merge {
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Call lastCall;

    @Override
    protected Shape mergedShape(List<Shape> inputShapes) {
        Shape out = inputShapes.get(0);
        for (int i = 1; i < inputShapes.size(); i++) {
            out = broadcast(out, inputShapes.get(i));
        }
        return out;
    }

    private Shape broadcast(Shape a, Shape b) {
        Shape longer = a.rank() >= b.rank() ? a : b;
        Shape shorter = longer == a ? b : a;
        int[] out = longer.dims();
        int offset = longer.rank() - shorter.rank();
        for (int i = 0; i < shorter.rank(); i++) {
            int x = longer.dim(offset + i);
            int y = shorter.dim(i);
            if (x == 1) {
                out[offset + i] = y;
            } else if (y != 1 && x != y) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": Inputs have incompatible shapes. "
                        + "Received shapes " + a.toKerasString() + " and " + b.toKerasString());
            }
        }
        return Shape.of(out);
    }

    @Override
    protected final List<Tensor> forward(List<Tensor> inputs, boolean training) {
        Call call = calls.acquire();
        call.prepare(inputs);
        compute(call);
        boolean record = false;
        for (int ix = 0; ix < inputs.size(); ix++) {
            Tensor x = inputs.get(ix);
            record |= x.requiresGrad();
        }
        if (record && GradientTape.active() != null) {
            GradientTape.active().record(call.y, call);
        }
        lastCall = call;
        return call.outputs;
    }

    /** Writes the merged values into {@code c.y}. */
    abstract void compute(Call c);

    /** Adds the gradients of {@code c.y} into the inputs that need them. */
    abstract void backward(Call c);

    /** Writes the broadcast sum of the inputs into {@code c.y} (Add, and Average before its division). */
    static void sumInto(Call c) {
        float[] y = c.y.data();
        float[] x0 = c.x[0].data();
        for (int e = 0; e < c.size; e++) {
            y[e] = x0[c.at(0, e)];
        }
        for (int i = 1; i < c.n; i++) {
            float[] xi = c.x[i].data();
            for (int e = 0; e < c.size; e++) {
                y[e] += xi[c.at(i, e)];
            }
        }
    }

    /**
     * Adds {@code dy / divisor} into every input that needs gradients: the backward of a sum (divisor 1,
     * exact) or of a mean (divisor n).
     */
    static void addGradientOfSum(Call c, float divisor) {
        float[] dy = c.y.grad();
        for (int i = 0; i < c.n; i++) {
            Tensor xi = c.x[i];
            if (xi.requiresGrad()) {
                float[] g = xi.grad();
                for (int e = 0; e < c.size; e++) {
                    g[c.at(i, e)] += dy[e] / divisor;
                }
            }
        }
    }

    @Override
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        Call c = lastCall;
        lastCall = null;
        if (c == null || !c.allMasked()) {
            outputs.get(0).setMask(null);
            return;
        }
        float[] mask = c.outputMask(outputs.get(0).shape()).data();
        java.util.Arrays.fill(mask, 0f);
        int outLast = c.outLast;
        for (int e = 0; e < c.size; e++) {
            if (mask[e / outLast] == 0f) {
                for (int i = 0; i < c.n; i++) {
                    if (c.keep(i, e)) {
                        mask[e / outLast] = 1f;
                        break;
                    }
                }
            }
        }
        outputs.get(0).setMask(c.outMask);
    }

    /**
     * One call's inputs, broadcast index maps, output and backward. {@code at(i, e)} is the flat index
     * in input {@code i} of output element {@code e}.
     */
    final class Call implements BackwardStep {
        Tensor[] x = new Tensor[0];
        Shape[] shapes = new Shape[0];
        int[][] index;
        int[] last;
        int n;
        int size;
        int outLast;
        Tensor y;
        List<Tensor> outputs;
        int[] source;
        Tensor outMask;

        void prepare(List<Tensor> inputs) {
            boolean same = inputs.size() == shapes.length;
            for (int i = 0; same && i < shapes.length; i++) {
                same = inputs.get(i).shape().equals(shapes[i]);
            }
            n = inputs.size();
            if (x.length != n) {
                x = new Tensor[n];
            }
            for (int i = 0; i < n; i++) {
                x[i] = inputs.get(i);
            }
            if (same) {
                return;
            }
            shapes = new Shape[n];
            Shape[] samples = new Shape[n];
            for (int i = 0; i < n; i++) {
                shapes[i] = inputs.get(i).shape();
                samples[i] = shapes[i].withoutBatch();
            }
            int batch = shapes[0].dim(0);
            for (Shape s : shapes) {
                if (s.dim(0) != batch) {
                    throw new IllegalArgumentException("Layer \"" + name() + "\": Cannot merge tensors with different"
                            + " batch sizes. Received tensors with shapes " + java.util.Arrays.toString(shapes));
                }
            }
            Shape outSample = mergedShape(List.of(samples));
            y = Tensor.zeros(outSample.withBatch(batch));
            outputs = List.of(y);
            size = y.size();
            outLast = outSample.rank() == 0 ? 1 : outSample.dim(-1);
            index = new int[n][];
            last = new int[n];
            for (int i = 0; i < n; i++) {
                last[i] = samples[i].rank() == 0 ? 1 : samples[i].dim(-1);
                if (!samples[i].equals(outSample)) {
                    index[i] = indexMap(samples[i], outSample, batch);
                }
            }
            source = null;
            outMask = null;
        }

        int at(int i, int e) {
            int[] map = index[i];
            return map == null ? e : map[e];
        }

        /** Whether input {@code i} has a mask. */
        boolean masked(int i) {
            return x[i].mask() != null;
        }

        boolean allMasked() {
            for (int i = 0; i < n; i++) {
                if (!masked(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The mask of input {@code i} at output element {@code e} (true when it has no mask). */
        boolean keep(int i, int e) {
            Tensor m = x[i].mask();
            return m == null || m.data()[at(i, e) / last[i]] != 0f;
        }

        int[] source() {
            if (source == null) {
                source = new int[size];
            }
            return source;
        }

        Tensor outputMask(Shape outShape) {
            if (outMask == null) {
                int[] d = outShape.dims();
                outMask = Tensor.zeros(Shape.of(java.util.Arrays.copyOf(d, Math.max(1, d.length - 1))));
            }
            return outMask;
        }

        @Override
        public void backward() {
            ElementwiseMerge.this.backward(this);
        }
    }

    /** For every element of {@code [batch, out...]}, its flat index in {@code [batch, in...]}. */
    private static int[] indexMap(Shape in, Shape out, int batch) {
        int rank = out.rank();
        int offset = rank - in.rank();
        int[] strides = new int[rank];
        int stride = 1;
        for (int a = rank - 1; a >= offset; a--) {
            int d = in.dim(a - offset);
            strides[a] = d == 1 ? 0 : stride;
            stride *= d;
        }
        int inSample = in.size();
        int outSample = out.size();
        int[] map = new int[batch * outSample];
        int[] coord = new int[rank];
        for (int j = 0; j < outSample; j++) {
            int rest = j;
            int pos = 0;
            for (int a = rank - 1; a >= 0; a--) {
                coord[a] = rest % out.dim(a);
                rest /= out.dim(a);
                pos += coord[a] * strides[a];
            }
            for (int b = 0; b < batch; b++) {
                map[b * outSample + j] = b * inSample + pos;
            }
        }
        return map;
    }
}
