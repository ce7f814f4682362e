package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Locale;

/**
 * Keras's {@code UpSampling2D} with nearest interpolation: repeats each row {@code sizeHeight} times
 * and each column {@code sizeWidth} times, {@code (h, w, c)} → {@code (h * sizeHeight, w * sizeWidth, c)};
 * {@code y[i, j] = x[i / sizeHeight, j / sizeWidth]}. The gradient of an input pixel is the sum over
 * its copies.
 *
 * <pre>{@code
 * model.add(new UpSampling2D());          // size=(2, 2)
 * model.add(new UpSampling2D(3, 2));
 * }</pre>
 */
public final class UpSampling2D extends Layer {
    /**
     * @param sizeHeight    repeats along the height, &gt; 0
     * @param sizeWidth     repeats along the width, &gt; 0
     * @param interpolation only "nearest" (Keras's default) is supported
     */
    public record Config(int sizeHeight, int sizeWidth, String interpolation) implements LayerConfig {
        public Config {
            if (sizeHeight <= 0 || sizeWidth <= 0) {
                throw new IllegalArgumentException("UpSampling2D: size entries must be > 0, got (" + sizeHeight + ", "
                        + sizeWidth + ")");
            }
            interpolation = interpolation == null ? "" : interpolation.toLowerCase(Locale.ROOT);
            if (!interpolation.equals("nearest")) {
                throw new IllegalArgumentException("UpSampling2D: only interpolation 'nearest' is supported, got "
                        + interpolation);
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** Keras's defaults: size (2, 2), nearest. */
    public UpSampling2D() {
        this(2, 2);
    }

    /** {@code size=(sizeHeight, sizeWidth)}, nearest. */
    public UpSampling2D(int sizeHeight, int sizeWidth) {
        this(new Config(sizeHeight, sizeWidth, "nearest"));
    }

    public UpSampling2D(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 3);
        return Shape.of(inputShape.dim(0) * config.sizeHeight, inputShape.dim(1) * config.sizeWidth,
                inputShape.dim(2));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] in = x.data();
        float[] out = call.y.data();
        int c = call.c;
        int outRow = call.inW * config.sizeWidth * c;
        int o = 0;
        for (int row = 0; row < call.batch * call.inH; row++) {
            int rowStart = o;
            int i = row * call.inW * c;
            for (int w = 0; w < call.inW; w++, i += c) {
                for (int r = 0; r < config.sizeWidth; r++, o += c) {
                    System.arraycopy(in, i, out, o, c);
                }
            }
            for (int r = 1; r < config.sizeHeight; r++, o += outRow) {
                System.arraycopy(out, rowStart, out, o, outRow);
            }
        }
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private int batch;
        private int inH;
        private int inW;
        private int c;

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
            y = Tensor.zeros(out.withBatch(batch));
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            float[] dx = x.grad();
            float[] dy = y.grad();
            int outRow = inW * config.sizeWidth * c;
            int o = 0;
            for (int row = 0; row < batch * inH; row++) {
                int inRow = row * inW * c;
                for (int r = 0; r < config.sizeHeight; r++) {
                    int i = inRow;
                    for (int w = 0; w < inW; w++, i += c) {
                        for (int s = 0; s < config.sizeWidth; s++, o += c) {
                            for (int k = 0; k < c; k++) {
                                dx[i + k] += dy[o + k];
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public String className() {
        return "UpSampling2D";
    }
}
