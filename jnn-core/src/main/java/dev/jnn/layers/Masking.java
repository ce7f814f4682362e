package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's Masking layer: a time step whose features all equal {@code mask_value} is masked for the
 * layers after it (a recurrent layer then skips it), and its output is set to zero; other steps pass
 * unchanged. The mask, shaped as the input without its last axis ({@code [batch, time]} for sequences),
 * travels on the output tensor.
 *
 * <pre>{@code
 * model.add(Input.shape(20, 8));
 * model.add(new Masking());          // padding rows of zeros are skipped
 * model.add(new LSTM(32));
 * }</pre>
 */
public final class Masking extends Layer {
    /**
     * Masking's configuration.
     *
     * @param maskValue the value that marks a padded step (Keras default 0.0)
     */
    public record Config(float maskValue) implements LayerConfig {
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Tensor lastMask;

    /** A Masking layer with mask_value 0. */
    public Masking() {
        this(new Config(0f));
    }

    /** A Masking layer for {@code maskValue}. */
    public Masking(float maskValue) {
        this(new Config(maskValue));
    }

    /** A Masking layer from a configuration. */
    public Masking(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException("Input of layer \"" + name()
                    + "\" must have at least one axis besides the batch, got " + inputShape.toKerasString());
        }
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        int features = x.shape().dim(-1);
        float[] in = x.data();
        float[] out = call.y.data();
        float[] mask = call.mask.data();
        for (int r = 0; r < mask.length; r++) {
            int at = r * features;
            boolean keep = false;
            for (int j = 0; j < features && !keep; j++) {
                keep = in[at + j] != config.maskValue();
            }
            mask[r] = keep ? 1f : 0f;
            for (int j = 0; j < features; j++) {
                out[at + j] = keep ? in[at + j] : 0f;
            }
        }
        lastMask = call.mask;
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** The mask computed by the forward that just ran (Keras computes it from the same comparison). */
    @Override
    protected Tensor computeMask(Tensor input, Tensor inputMask) {
        return lastMask;
    }

    /** One call's output, mask and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private Tensor mask;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                y = Tensor.zeros(shape);
                int[] dims = shape.dims();
                mask = Tensor.zeros(Shape.of(java.util.Arrays.copyOf(dims, dims.length - 1)));
            }
        }

        @Override
        public void backward() {
            float[] g = x.grad();
            float[] dy = y.grad();
            float[] m = mask.data();
            int features = shape.dim(-1);
            for (int r = 0; r < m.length; r++) {
                if (m[r] != 0f) {
                    for (int j = 0; j < features; j++) {
                        g[r * features + j] += dy[r * features + j];
                    }
                }
            }
        }
    }

    @Override
    public String className() {
        return "Masking";
    }
}
