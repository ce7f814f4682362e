package dev.jnn.layers;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Rescaling}: {@code y = x · scale + offset}, in training and at inference, where
 * {@code scale} and {@code offset} are numbers or arrays broadcast against the input as NumPy does
 * (e.g. one value per channel). Computed in float32 as Keras does: the product is rounded before
 * the offset is added.
 *
 * <pre>{@code
 * model.add(new Rescaling(1 / 255.0));                    // [0, 255] to [0, 1]
 * model.add(new Rescaling(1 / 127.5, -1));                // [0, 255] to [-1, 1]
 * model.add(new Rescaling(new Rescaling.Config(BroadcastValues.of(1 / 0.229, 1 / 0.224, 1 / 0.225),
 *         BroadcastValues.scalar(0))));
 * }</pre>
 */
public final class Rescaling extends Layer {
    /**
     * @param scale  multiplies the input: a number or an array broadcast against it
     * @param offset added after scaling: a number or an array broadcast against the input
     */
    public record Config(BroadcastValues scale, BroadcastValues offset) implements LayerConfig {
        public Config {
            if (scale == null || offset == null) {
                throw new IllegalArgumentException("Rescaling: scale and offset must not be null (use 0 for no offset)");
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private float[] scale;   // one per element of a sample, set in build
    private float[] offset;

    /** Keras's {@code Rescaling(scale)}: no offset. */
    public Rescaling(double scale) {
        this(scale, 0.0);
    }

    /** Keras's {@code Rescaling(scale, offset)}. */
    public Rescaling(double scale, double offset) {
        this(new Config(BroadcastValues.scalar(scale), BroadcastValues.scalar(offset)));
    }

    public Rescaling(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        expanded("scale", config.scale, inputShape);
        expanded("offset", config.offset, inputShape);
        return inputShape;
    }

    private float[] expanded(String argument, BroadcastValues values, Shape sample) {
        float[] out = values.expandTo(sample.dims());
        if (out == null) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Rescaling): " + argument + " of shape "
                    + values.shapeString() + " does not broadcast against inputs of shape " + sample.toKerasString()
                    + " without changing their shape");
        }
        return out;
    }

    @Override
    protected void build(Shape inputShape) {
        scale = expanded("scale", config.scale, inputShape);
        offset = expanded("offset", config.offset, inputShape);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int sample = scale.length;
        for (int start = 0; start < in.length; start += sample) {
            for (int j = 0; j < sample; j++) {
                float scaled = in[start + j] * scale[j];
                out[start + j] = scaled + offset[j];
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward: {@code dx += dy · scale}. */
    private final class Call extends SameShapeCall {
        @Override
        public void backward() {
            float[] dx = x.grad();
            float[] dy = y.grad();
            int sample = scale.length;
            for (int start = 0; start < dx.length; start += sample) {
                for (int j = 0; j < sample; j++) {
                    dx[start + j] += dy[start + j] * scale[j];
                }
            }
        }
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
