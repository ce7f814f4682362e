package dev.jnn.layers;

import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The shared body of RandomRotation, RandomZoom and RandomTranslation: in training, the drawn numbers
 * become one affine transform per image (Keras's formulas, in the subclass), which
 * {@link AffineSampler} applies as Keras's {@code affine_transform} does, with the layer's
 * interpolation and fill mode.
 */
abstract class AffineImageLayer extends RandomImageLayer {
    private final boolean bilinear;
    private final AffineSampler.FillMode fillMode;
    private final float fillValue;
    private final int drawsPerImage;
    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /** @param drawsPerImage how many numbers {@link #draw} draws for each image */
    AffineImageLayer(DataFormat dataFormat, Long seed, String interpolation, String fillMode, double fillValue,
                     int drawsPerImage) {
        super(dataFormat, seed);
        this.drawsPerImage = drawsPerImage;
        this.bilinear = bilinear(className(), interpolation);
        this.fillMode = AffineSampler.FillMode.of(className(), fillMode);
        this.fillValue = (float) fillValue;
    }

    /** Checks Keras's {@code interpolation} argument; true for "bilinear". */
    static boolean bilinear(String layer, String interpolation) {
        if (!"bilinear".equals(interpolation) && !"nearest".equals(interpolation)) {
            throw new IllegalArgumentException(layer + ": Unknown `interpolation` " + interpolation
                    + ". Expected of one ('nearest', 'bilinear').");
        }
        return "bilinear".equals(interpolation);
    }

    /** Keras's transform of each image, 8 numbers per image, from the drawn numbers of the call. */
    abstract void transforms(float[] drawn, int batch, int h, int w, float[] out);

    @Override
    final int parameterCount(int batch) {
        return drawsPerImage * batch;
    }

    @Override
    final Shape imageOutputShape(int h, int w, int c) {
        return Shape.of(h, w, c);
    }

    @Override
    final Tensor transform(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x, parameterCount(x.shape().dim(0)));
        parameters(call.drawn, call.batch);
        transforms(call.drawn, call.batch, call.h, call.w, call.transforms);
        AffineSampler.forward(x.data(), call.y.data(), call.batch, call.h, call.w, call.c, call.transforms, bilinear,
                fillMode, fillValue);
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's drawn numbers, transforms, output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] drawn;
        private float[] transforms;
        private int batch;
        private int h;
        private int w;
        private int c;

        void prepare(Tensor input, int count) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                batch = shape.dim(0);
                h = shape.dim(1);
                w = shape.dim(2);
                c = shape.dim(3);
                y = Tensor.zeros(shape);
                drawn = new float[count];
                transforms = new float[8 * batch];
            }
        }

        @Override
        public void backward() {
            AffineSampler.backward(y.grad(), x.grad(), batch, h, w, c, transforms, bilinear, fillMode);
        }
    }
}
