package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;

/**
 * Keras's {@code Permute}: reorders the axes of each sample; {@code dims} numbers the axes from 1 (the
 * batch axis stays first), so {@code new Permute(2, 1)} turns {@code (a, b)} into {@code (b, a)}:
 * output axis {@code i} is input axis {@code dims[i]}.
 *
 * <p>The layer computes once per input shape, for every output position of a sample, the input
 * position it reads; forward gathers through that table and backward scatters back.
 *
 * <pre>{@code
 * model.add(new Permute(2, 1));
 * }</pre>
 */
public final class Permute extends Layer {
    /** @param dims a permutation of 1..rank, 1-based as in Keras */
    public record Config(int[] dims) implements LayerConfig {
        public Config {
            dims = dims.clone();
            boolean[] seen = new boolean[dims.length + 1];
            for (int d : dims) {
                if (d < 1 || d > dims.length || seen[d]) {
                    throw new IllegalArgumentException("Permute: dims must be a permutation of 1.."
                            + dims.length + ", got " + Arrays.toString(dims));
                }
                seen[d] = true;
            }
        }

        @Override
        public int[] dims() {
            return dims.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Config c && Arrays.equals(dims, c.dims);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(dims);
        }

        @Override
        public String toString() {
            return "Config[dims=" + Arrays.toString(dims) + "]";
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    public Permute(int... dims) {
        this(new Config(dims));
    }

    public Permute(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        int[] dims = config.dims;
        InputRank.require(this, inputShape, dims.length);
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = inputShape.dim(dims[i] - 1);
        }
        return Shape.of(out);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int[] source = call.source;
        int size = source.length;
        for (int b = 0, base = 0; b < x.rows(); b++, base += size) {
            for (int j = 0; j < size; j++) {
                out[base + j] = in[base + source[j]];
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output, gather table and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private int[] source;

        void prepare(Tensor input) {
            this.x = input;
            if (input.shape().equals(shape)) {
                return;
            }
            shape = input.shape();
            Shape sample = shape.withoutBatch();
            Shape outSample = outputShape(sample);
            y = Tensor.zeros(outSample.withBatch(shape.dim(0)));
            source = gatherTable(sample, outSample);
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            float[] dy = y.grad();
            int size = source.length;
            for (int b = 0, base = 0; b < x.rows(); b++, base += size) {
                for (int j = 0; j < size; j++) {
                    dx[base + source[j]] += dy[base + j];
                }
            }
        }
    }

    /** For each row-major output position of one sample, the row-major input position it copies. */
    private int[] gatherTable(Shape sample, Shape outSample) {
        int rank = sample.rank();
        int[] inStrides = new int[rank];
        for (int a = rank - 1, s = 1; a >= 0; a--) {
            inStrides[a] = s;
            s *= sample.dim(a);
        }
        int[] stride = new int[rank]; // input stride of each output axis
        for (int i = 0; i < rank; i++) {
            stride[i] = inStrides[config.dims[i] - 1];
        }
        int[] table = new int[sample.size()];
        int[] index = new int[rank];
        int offset = 0;
        for (int j = 0; j < table.length; j++) {
            table[j] = offset;
            for (int a = rank - 1; a >= 0; a--) { // odometer over the output axes
                index[a]++;
                offset += stride[a];
                if (index[a] < outSample.dim(a)) {
                    break;
                }
                offset -= stride[a] * index[a];
                index[a] = 0;
            }
        }
        return table;
    }

    @Override
    public String className() {
        return "Permute";
    }
}
