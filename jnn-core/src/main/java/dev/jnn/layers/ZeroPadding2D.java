package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;

/**
 * Keras's {@code ZeroPadding2D}: adds rows and columns of zeros around each channels_last image,
 * {@code (h, w, c)} → {@code (top + h + bottom, left + w + right, c)}.
 *
 * <pre>{@code
 * model.add(new ZeroPadding2D());                              // padding=(1, 1)
 * model.add(new ZeroPadding2D(new ZeroPadding2D.Config(1, 2, 0, 3)));   // ((1, 2), (0, 3))
 * }</pre>
 */
public final class ZeroPadding2D extends Layer {
    /** Keras's {@code padding=((top, bottom), (left, right))}; every entry &gt;= 0. */
    public record Config(int top, int bottom, int left, int right) implements LayerConfig {
        public Config {
            if (top < 0 || bottom < 0 || left < 0 || right < 0) {
                throw new IllegalArgumentException("ZeroPadding2D: padding entries must be >= 0, got (("
                        + top + ", " + bottom + "), (" + left + ", " + right + "))");
            }
        }

        /** Keras's {@code padding=(heightPad, widthPad)}: symmetric on each axis. */
        public Config(int heightPad, int widthPad) {
            this(heightPad, heightPad, widthPad, widthPad);
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** Keras's default: one row and one column of zeros on every side. */
    public ZeroPadding2D() {
        this(new Config(1, 1));
    }

    /** Keras's {@code padding=n}: n on every side. */
    public ZeroPadding2D(int padding) {
        this(new Config(padding, padding));
    }

    public ZeroPadding2D(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 3);
        return Shape.of(inputShape.dim(0) + config.top + config.bottom,
                inputShape.dim(1) + config.left + config.right, inputShape.dim(2));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        Arrays.fill(out, 0f);
        int rowLength = call.inW * call.c;
        for (int b = 0; b < call.batch; b++) {
            for (int h = 0; h < call.inH; h++) {
                System.arraycopy(in, call.inOffset(b, h), out, call.outOffset(b, h), rowLength);
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward (the gradient of the interior, unpadded part). */
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
            return (b * inH + h) * inW * c;
        }

        int outOffset(int b, int h) {
            return ((b * outH + h + config.top) * outW + config.left) * c;
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            float[] dy = y.grad();
            int rowLength = inW * c;
            for (int b = 0; b < batch; b++) {
                for (int h = 0; h < inH; h++) {
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
        return "ZeroPadding2D";
    }
}
