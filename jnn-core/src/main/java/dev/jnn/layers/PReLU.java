package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;

/**
 * Keras's {@code PReLU}: {@code f(x) = x} for {@code x >= 0}, {@code alpha · x} otherwise, with a
 * learned {@code alpha}. As in Keras, {@code alpha} has the whole per-sample shape (one slope per
 * value) unless {@code sharedAxes} lists axes (counted with the batch as 0) where it is shared, e.g.
 * {@code sharedAxes = [1, 2]} on images gives one slope per channel, shape {@code [1, 1, C]}.
 *
 * <pre>{@code
 * model.add(new PReLU());                 // alpha zeros, shape of the input
 * model.add(new PReLU(new int[] {1, 2})); // one alpha per channel of [H, W, C] inputs
 * }</pre>
 */
public final class PReLU extends Layer {
    /**
     * @param alphaInitializer  initializer of {@code alpha} (zeros in Keras)
     * @param alphaRegularizer  penalty on {@code alpha}, or null
     * @param sharedAxes        Keras axes (&gt;= 1) along which alpha is shared; empty for none
     */
    public record Config(Initializer alphaInitializer, Regularizer alphaRegularizer, int[] sharedAxes)
            implements LayerConfig {
        public Config {
            if (alphaInitializer == null) {
                throw new IllegalArgumentException("PReLU: alphaInitializer must not be null");
            }
            sharedAxes = sharedAxes == null ? new int[0] : sharedAxes.clone();
            for (int a : sharedAxes) {
                if (a < 1) {
                    throw new IllegalArgumentException("PReLU: shared axes must be >= 1, got " + Arrays.toString(sharedAxes));
                }
            }
        }

        @Override
        public int[] sharedAxes() {
            return sharedAxes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Config c && alphaInitializer.equals(c.alphaInitializer)
                    && java.util.Objects.equals(alphaRegularizer, c.alphaRegularizer)
                    && Arrays.equals(sharedAxes, c.sharedAxes);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(alphaInitializer, alphaRegularizer, Arrays.hashCode(sharedAxes));
        }

        @Override
        public String toString() {
            return "Config[alphaInitializer=" + alphaInitializer + ", alphaRegularizer=" + alphaRegularizer
                    + ", sharedAxes=" + Arrays.toString(sharedAxes) + "]";
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter alpha;
    /** For each input position within a sample, the index of its alpha. */
    private int[] alphaIndex;

    /** Keras's defaults: alpha zeros, no shared axes. */
    public PReLU() {
        this(new Config(Initializers.get("zeros"), null, new int[0]));
    }

    /** Zero-initialized alpha shared along {@code sharedAxes} (Keras axes, batch = 0). */
    public PReLU(int[] sharedAxes) {
        this(new Config(Initializers.get("zeros"), null, sharedAxes));
    }

    public PReLU(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    /** The slopes, once built. */
    public Parameter alpha() {
        return alpha;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        for (int a : config.sharedAxes) {
            if (a > inputShape.rank()) {
                throw new IllegalArgumentException("Input of layer \"" + name() + "\": shared axis " + a
                        + " is out of range for input shape " + inputShape.toKerasString());
            }
        }
        return inputShape;
    }

    @Override
    protected void build(Shape inputShape) {
        int[] dims = inputShape.dims();
        for (int a : config.sharedAxes) {
            dims[a - 1] = 1;
        }
        Shape alphaShape = Shape.of(dims);
        alpha = addWeight("alpha", alphaShape, config.alphaInitializer, true, config.alphaRegularizer);
        // Map each position of a sample to its alpha by broadcasting over the shared axes.
        int size = inputShape.size();
        alphaIndex = new int[size];
        int rank = dims.length;
        int[] position = new int[rank];
        for (int i = 0; i < size; i++) {
            int index = 0;
            for (int a = 0; a < rank; a++) {
                index = index * dims[a] + (dims[a] == 1 ? 0 : position[a]);
            }
            alphaIndex[i] = index;
            for (int a = rank - 1; a >= 0; a--) {
                if (++position[a] < inputShape.dim(a)) {
                    break;
                }
                position[a] = 0;
            }
        }
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        float[] a = alpha.value().data();
        int sample = alphaIndex.length;
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            out[i] = v >= 0f ? v : a[alphaIndex[i % sample]] * v;
        }
        if (GradientTape.isRecording(x, alpha.value(), null)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward. */
    private final class Call extends SameShapeCall {
        @Override
        public void backward() {
            float[] in = x.data();
            float[] dy = y.grad();
            float[] a = alpha.value().data();
            int sample = alphaIndex.length;
            if (alpha.trainable()) {
                float[] da = alpha.grad();
                for (int i = 0; i < in.length; i++) {
                    if (in[i] < 0f) {
                        da[alphaIndex[i % sample]] += dy[i] * in[i];
                    }
                }
            }
            if (x.requiresGrad()) {
                float[] dx = x.grad();
                for (int i = 0; i < in.length; i++) {
                    dx[i] += in[i] >= 0f ? dy[i] : a[alphaIndex[i % sample]] * dy[i];
                }
            }
        }
    }
}
