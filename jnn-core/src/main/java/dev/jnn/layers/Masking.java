package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;

/**
 * Keras's {@code Masking}: a step whose features all equal {@code maskValue} is masked. The mask is
 * {@code any(x != maskValue)} over the last axis (shape {@code [batch, time]} for
 * {@code [batch, time, features]}), and masked steps are set to 0 in the output, as Keras does.
 *
 * <pre>{@code
 * model.add(new Masking());          // mask_value 0.0
 * model.add(new Masking(-1f));
 * }</pre>
 */
public final class Masking extends Layer {
    /** @param maskValue the padding value */
    public record Config(float maskValue) implements LayerConfig {
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Call lastCall;

    /** Masking of steps that are all 0. */
    public Masking() {
        this(0f);
    }

    public Masking(float maskValue) {
        this(new Config(maskValue));
    }

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
        computeKeep(call);
        float[] in = x.data();
        float[] out = call.y.data();
        float[] keep = call.mask.data();
        int features = call.features;
        for (int s = 0; s < keep.length; s++) {
            if (keep[s] != 0f) {
                System.arraycopy(in, s * features, out, s * features, features);
            } else {
                Arrays.fill(out, s * features, (s + 1) * features, 0f);
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        lastCall = call;
        return call.y;
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    /** Keras's {@code compute_mask}: {@code any(x != maskValue)} over the last axis; any input mask is replaced. */
    @Override
    protected Tensor computeMask(Tensor input, Tensor inputMask) {
        Call call = lastCall;
        if (call == null || call.x != input) {
            call = new Call();
            call.prepare(input);
            computeKeep(call);
        }
        return call.mask;
    }

    private void computeKeep(Call call) {
        float[] in = call.x.data();
        float[] keep = call.mask.data();
        for (int s = 0; s < keep.length; s++) {
            boolean kept = false;
            for (int j = s * call.features; j < (s + 1) * call.features && !kept; j++) {
                kept = in[j] != config.maskValue;
            }
            keep[s] = kept ? 1f : 0f;
        }
    }

    /** One call's output, mask and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private Tensor mask;
        private int features;

        void prepare(Tensor input) {
            x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                features = shape.dim(-1);
                y = Tensor.zeros(shape);
                int[] d = shape.dims();
                mask = Tensor.zeros(Shape.of(Arrays.copyOf(d, d.length - 1)));
            }
        }

        @Override
        public void backward() {
            float[] g = x.grad();
            float[] dy = y.grad();
            float[] keep = mask.data();
            for (int s = 0; s < keep.length; s++) {
                if (keep[s] != 0f) {
                    for (int j = s * features; j < (s + 1) * features; j++) {
                        g[j] += dy[j];
                    }
                }
            }
        }
    }
}
