package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code TimeDistributed}: applies a layer to every time slice of {@code [batch, time, ...]}.
 *
 * <p>Instead of Keras's loop over time steps, the input is seen as {@code [batch·time, ...]} (a view,
 * no copy), the inner layer runs once on it, and its output is seen as {@code [batch, time, ...]}. This
 * equals the per-step loop for every layer that treats samples independently (Dense, convolutions,
 * pooling, ...); a layer with batch statistics ({@link BatchNormalization} in training) computes them
 * over all steps together rather than per step. Dropout draws independent masks either way.
 *
 * <p>The weights are the inner layer's own ({@link #parameters()}, its regularizers included), so the
 * inner layer's ops add their gradients straight into them. The input's mask passes through to the
 * output, and the inner layer sees it reshaped to {@code [batch·time, ...]}.
 *
 * <pre>{@code
 * model.add(Input.shape(10, 16));
 * model.add(new TimeDistributed(new Dense(8)));     // [batch, 10, 16] -> [batch, 10, 8]
 * }</pre>
 */
public final class TimeDistributed extends Layer {
    /** @param layer the inner layer's configuration */
    public record Config(LayerConfig layer) implements LayerConfig {
        public Config {
            if (layer == null) {
                throw new IllegalArgumentException("TimeDistributed: layer must not be null");
            }
        }
    }

    private final Layer layer;
    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** Wraps {@code layer}, which must not be used elsewhere. */
    public TimeDistributed(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("Please initialize `TimeDistributed` layer with a Layer instance."
                    + " Received: null");
        }
        this.layer = layer;
        this.config = new Config(layer.config());
    }

    @Override
    public Config config() {
        return config;
    }

    /** The wrapped layer. */
    public Layer layer() {
        return layer;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        if (inputShape.rank() < 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": `TimeDistributed` Layer should be passed an"
                    + " `input_shape` with at least 3 dimensions, received: " + inputShape.toKerasString());
        }
        Shape inner = layer.outputShape(step(inputShape));
        return inner.withBatch(inputShape.dim(0));
    }

    /** The per-sample shape of one time slice. */
    private static Shape step(Shape sample) {
        return sample.withoutBatch();
    }

    @Override
    protected void build(Shape inputShape) {
        layer.build(step(inputShape), false);
    }

    /** The inner layer's weights. */
    @Override
    public List<Parameter> parameters() {
        return layer.parameters();
    }

    @Override
    public List<RandomStream> randomStreams() {
        return layer.randomStreams();
    }

    @Override
    public float regularizationLoss() {
        return layer.regularizationLoss();
    }

    @Override
    public void addRegularizationGradients() {
        layer.addRegularizationGradients();
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        GradientTape tape = GradientTape.active();
        if (tape != null && x.requiresGrad()) {
            call.xr.markRequiresGrad();
            call.xr.zeroGrad();
            tape.record(call.marker, call.inputStep);
        }
        Tensor yr = layer.call(call.xr, training);
        Tensor y = call.output(yr);
        if (tape != null && yr.requiresGrad()) {
            tape.record(y, call.outputStep);
        }
        return y;
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    /** One call's views and the two halves of its backward around the inner layer's records. */
    private final class Call {
        private final Tensor marker = Tensor.zeros(1);
        private Tensor x;
        private float[] xData;
        private Tensor xr;
        private Tensor yr;
        private float[] yrData;
        private Tensor y;
        private Tensor mask;
        private float[] maskData;
        private Tensor foldedMask;

        /** Runs after the inner layer's backward: the folded input's gradient back to the input's. */
        private final BackwardStep inputStep = () -> {
            float[] g = x.grad();
            float[] gr = xr.grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += gr[i];
            }
        };

        /** Runs before the inner layer's backward: the output gradient into the inner output's. */
        private final BackwardStep outputStep = () -> {
            float[] g = yr.grad();
            float[] dy = y.grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += dy[i];
            }
        };

        void prepare(Tensor input) {
            if (input != x || input.data() != xData) {
                x = input;
                xData = input.data();
                int[] d = input.shape().dims();
                int[] folded = Arrays.copyOfRange(d, 1, d.length);
                folded[0] = d[0] * d[1];
                xr = new Tensor(Shape.of(folded), xData);
            }
            Tensor mask = input.mask();
            if (mask != null && (mask != this.mask || mask.data() != maskData)) {
                this.mask = mask;
                maskData = mask.data();
                foldedMask = mask.reshape(foldedMaskShape(mask.shape()));
            }
            xr.setMask(mask == null ? null : foldedMask);
        }

        Tensor output(Tensor innerOut) {
            if (innerOut != yr || innerOut.data() != yrData) {
                yr = innerOut;
                yrData = innerOut.data();
                int[] d = innerOut.shape().dims();
                int[] unfolded = new int[d.length + 1];
                unfolded[0] = x.shape().dim(0);
                unfolded[1] = x.shape().dim(1);
                System.arraycopy(d, 1, unfolded, 2, d.length - 1);
                y = new Tensor(Shape.of(unfolded), yrData);
            }
            return y;
        }

        private Shape foldedMaskShape(Shape mask) {
            int[] d = mask.dims();
            if (d.length < 2) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": the mask passed to the `TimeDistributed`"
                        + " layer must be at least 2D (batch_size, timesteps), but it has shape " + mask);
            }
            int[] folded = Arrays.copyOfRange(d, 1, d.length);
            folded[0] = d[0] * d[1];
            return Shape.of(folded);
        }
    }

    @Override
    public String className() {
        return "TimeDistributed";
    }
}
