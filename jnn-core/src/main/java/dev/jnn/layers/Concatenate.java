package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code Concatenate}: joins a list of inputs along {@code axis} (Keras counts the batch as
 * axis 0; default {@code -1}). All other axes must agree.
 *
 * <p>Masks as in Keras 3: when any input is masked, each input's mask (all ones when it has none)
 * is spread over the input's last axis, the spread masks are concatenated along {@code axis}, and the
 * output's mask is their "any" over the last axis.
 *
 * <pre>{@code
 * Tensor y = new Concatenate().call(List.of(a, b), false).get(0);   // [b, 3] and [b, 4] give [b, 7]
 * Tensor t = new Concatenate(1).call(List.of(s1, s2), false).get(0); // along time
 * }</pre>
 */
public final class Concatenate extends Merge {
    /** @param axis Keras axis (batch counted), not the batch axis */
    public record Config(int axis) implements LayerConfig {
        public Config {
            if (axis == 0) {
                throw new IllegalArgumentException("Concatenate: axis must not be the batch axis 0, got " + axis);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** Concatenation along the last axis. */
    public Concatenate() {
        this(-1);
    }

    /** Concatenation along {@code axis} (Keras's numbering, batch axis 0). */
    public Concatenate(int axis) {
        this(new Config(axis));
    }

    public Concatenate(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    /** The index of the concatenation axis in per-sample shapes of rank {@code rank}. */
    private int sampleAxis(List<Shape> shapes) {
        int rank = shapes.get(0).rank();
        int a = config.axis < 0 ? config.axis + rank + 1 : config.axis;
        if (a < 1 || a > rank) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": axis " + config.axis
                    + " is out of bounds for input shapes " + kerasShapes(shapes));
        }
        return a - 1;
    }

    @Override
    protected Shape mergedShape(List<Shape> shapes) {
        int axis = sampleAxis(shapes);
        int[] out = shapes.get(0).dims();
        for (int i = 1; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            boolean ok = s.rank() == out.length;
            for (int a = 0; ok && a < out.length; a++) {
                ok = a == axis || s.dim(a) == out[a];
            }
            if (!ok) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": A `Concatenate` layer requires inputs"
                        + " with matching shapes except for the concatenation axis. Received: input_shape="
                        + kerasShapes(shapes));
            }
            out[axis] += s.dim(axis);
        }
        return Shape.of(out);
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        Call call = calls.acquire();
        call.prepare(inputs);
        float[] y = call.y.data();
        boolean record = false;
        for (int o = 0; o < call.outer; o++) {
            int dst = o * call.outBlock;
            for (int i = 0; i < call.x.length; i++) {
                int len = call.blocks[i];
                System.arraycopy(call.x[i].data(), o * len, y, dst, len);
                dst += len;
            }
        }
        for (int it = 0; it < inputs.size(); it++) {
            Tensor t = inputs.get(it);
            record |= t.requiresGrad();
        }
        if (record && GradientTape.active() != null) {
            GradientTape.active().record(call.y, call);
        }
        return call.outputs;
    }

    @Override
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        boolean any = false;
        for (int it = 0; it < inputs.size(); it++) {
            Tensor t = inputs.get(it);
            any |= t.mask() != null;
        }
        Tensor y = outputs.get(0);
        if (!any) {
            y.setMask(null);
            return;
        }
        int[] d = y.shape().dims();
        int outLast = d[d.length - 1];
        float[] mask = new float[y.size() / outLast];
        List<Shape> samples = inputs.stream().map(t -> t.shape().withoutBatch()).toList();
        int axis = sampleAxis(samples);
        int outer = y.rows() * ChannelAxis.before(samples.get(0), axis);
        int e = 0;
        for (int o = 0; o < outer; o++) {
            for (Tensor t : inputs) {
                Shape s = t.shape();
                int last = s.dim(-1);
                int block = t.rowSize() / ChannelAxis.before(samples.get(0), axis);
                Tensor m = t.mask();
                for (int k = 0; k < block; k++, e++) {
                    boolean keep = m == null || m.data()[(o * block + k) / last] != 0f;
                    if (keep) {
                        mask[e / outLast] = 1f;
                    }
                }
            }
        }
        y.setMask(new Tensor(Shape.of(Arrays.copyOf(d, d.length - 1)), mask));
    }

    /** One call's block layout, output and backward. */
    private final class Call implements BackwardStep {
        private Tensor[] x = new Tensor[0];
        private Shape[] shapes = new Shape[0];
        private int[] blocks;
        private int outer;
        private int outBlock;
        private Tensor y;
        private List<Tensor> outputs;

        void prepare(List<Tensor> inputs) {
            boolean same = inputs.size() == shapes.length;
            for (int i = 0; same && i < shapes.length; i++) {
                same = inputs.get(i).shape().equals(shapes[i]);
            }
            if (x.length != inputs.size()) {
                x = new Tensor[inputs.size()];
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = inputs.get(i);
            }
            if (same) {
                return;
            }
            shapes = new Shape[x.length];
            Shape[] samples = new Shape[x.length];
            int batch = x[0].rows();
            for (int i = 0; i < x.length; i++) {
                shapes[i] = x[i].shape();
                samples[i] = shapes[i].withoutBatch();
                if (shapes[i].dim(0) != batch) {
                    throw new IllegalArgumentException("Layer \"" + name() + "\": Cannot concatenate tensors with"
                            + " different batch sizes. Received tensors with shapes " + Arrays.toString(shapes));
                }
            }
            List<Shape> sampleList = List.of(samples);
            int axis = sampleAxis(sampleList);
            Shape out = mergedShape(sampleList);
            outer = batch * ChannelAxis.before(out, axis);
            blocks = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                blocks[i] = samples[i].dim(axis) * ChannelAxis.after(samples[i], axis);
            }
            outBlock = out.dim(axis) * ChannelAxis.after(out, axis);
            y = Tensor.zeros(out.withBatch(batch));
            outputs = List.of(y);
        }

        @Override
        public void backward() {
            float[] dy = y.grad();
            int src0 = 0;
            for (int i = 0; i < x.length; i++) {
                int len = blocks[i];
                if (x[i].requiresGrad()) {
                    float[] g = x[i].grad();
                    for (int o = 0; o < outer; o++) {
                        int src = o * outBlock + src0;
                        int dst = o * len;
                        for (int k = 0; k < len; k++) {
                            g[dst + k] += dy[src + k];
                        }
                    }
                }
                src0 += len;
            }
        }
    }
}
