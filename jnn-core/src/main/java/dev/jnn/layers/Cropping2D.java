package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Cropping2D}: removes rows and columns from the borders of each channels_last image,
 * {@code (h, w, c)} → {@code (h - top - bottom, w - left - right, c)}.
 *
 * <pre>{@code
 * model.add(new Cropping2D(new Cropping2D.Config(2, 2, 4, 4)));   // cropping=((2, 2), (4, 4))
 * }</pre>
 */
public final class Cropping2D extends Layer {
    /** Keras's {@code cropping=((top, bottom), (left, right))}; every entry &gt;= 0. */
    public record Config(int top, int bottom, int left, int right) implements LayerConfig {
        public Config {
            if (top < 0 || bottom < 0 || left < 0 || right < 0) {
                throw new IllegalArgumentException("Cropping2D: cropping entries must be >= 0, got (("
                        + top + ", " + bottom + "), (" + left + ", " + right + "))");
            }
        }

        /** Keras's {@code cropping=(heightCrop, widthCrop)}: symmetric on each axis. */
        public Config(int heightCrop, int widthCrop) {
            this(heightCrop, heightCrop, widthCrop, widthCrop);
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** Keras's default {@code cropping=((0, 0), (0, 0))}: the identity. */
    public Cropping2D() {
        this(new Config(0, 0));
    }

    /** Keras's {@code cropping=n}: n from every side. */
    public Cropping2D(int cropping) {
        this(new Config(cropping, cropping));
    }

    public Cropping2D(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 3);
        int h = inputShape.dim(0) - config.top - config.bottom;
        int w = inputShape.dim(1) - config.left - config.right;
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": values in cropping argument should be smaller "
                    + "than the corresponding spatial dimension of the input. Received: input_shape="
                    + inputShape.toKerasString() + ", cropping=((" + config.top + ", " + config.bottom + "), ("
                    + config.left + ", " + config.right + "))");
        }
        return Shape.of(h, w, inputShape.dim(2));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int rowLength = call.outW * call.c;
        for (int b = 0; b < call.batch; b++) {
            for (int h = 0; h < call.outH; h++) {
                System.arraycopy(in, call.inOffset(b, h), out, call.outOffset(b, h), rowLength);
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward (the kept part's gradient; cropped borders get none). */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private int batch;
        private int inH;
        private int inW;
        private int c;
        private int outH;
        private int outW;

        void prepare(Tensor input) {
            this.x = input;
            if (input.shape().equals(shape)) {
                return;
            }
            shape = input.shape();
            Shape out = outputShape(shape.withoutBatch());
            batch = shape.dim(0);
            inH = shape.dim(1);
            inW = shape.dim(2);
            c = shape.dim(3);
            outH = out.dim(0);
            outW = out.dim(1);
            y = Tensor.zeros(out.withBatch(batch));
        }

        int inOffset(int b, int h) {
            return ((b * inH + h + config.top) * inW + config.left) * c;
        }

        int outOffset(int b, int h) {
            return (b * outH + h) * outW * c;
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            float[] dy = y.grad();
            int rowLength = outW * c;
            for (int b = 0; b < batch; b++) {
                for (int h = 0; h < outH; h++) {
                    int i = inOffset(b, h);
                    int o = outOffset(b, h);
                    for (int k = 0; k < rowLength; k++) {
                        dx[i + k] += dy[o + k];
                    }
                }
            }
        }
    }

    @Override
    public String className() {
        return "Cropping2D";
    }
}
