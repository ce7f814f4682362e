package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Conv2D's im2col + SGEMM forward and backward against a direct double-precision convolution, on
 * random awkward geometries (odd sizes, every padding, strides, dilations, 1×1 kernels).
 */
class ConvReferenceTest {
    @Test
    void matchesDirectConvolutionOnRandomGeometries() {
        SplittableRandom random = new SplittableRandom(99);
        for (int trial = 0; trial < 60; trial++) {
            int kh = 1 + random.nextInt(4);
            int kw = 1 + random.nextInt(4);
            boolean dilate = random.nextBoolean();
            int sh = dilate ? 1 : 1 + random.nextInt(3);
            int sw = dilate ? 1 : 1 + random.nextInt(3);
            int dh = dilate ? 1 + random.nextInt(3) : 1;
            int dw = dilate ? 1 + random.nextInt(3) : 1;
            Padding padding = random.nextBoolean() ? Padding.SAME : Padding.VALID;
            int h = (kh - 1) * dh + 1 + random.nextInt(6);
            int w = (kw - 1) * dw + 1 + random.nextInt(6);
            int cin = 1 + random.nextInt(5);
            int filters = 1 + random.nextInt(5);
            int batch = 1 + random.nextInt(3);
            Conv2D conv = Conv2D.builder(filters, kh, kw).strides(sh, sw).dilationRate(dh, dw).padding(padding).build();
            String what = "trial " + trial + " " + conv.config();
            conv.build(Shape.of(h, w, cin), false);
            float[] kernel = fill(conv.kernel().value().data(), random);
            float[] bias = fill(conv.bias().value().data(), random);
            Tensor x = new Tensor(Shape.of(batch, h, w, cin), fill(new float[batch * h * w * cin], random));
            x.markRequiresGrad();
            x.zeroGrad();
            Tensor y;
            float[] r;
            try (GradientTape tape = GradientTape.open()) {
                y = conv.call(x, false);
                r = fill(new float[y.size()], random);
                System.arraycopy(r, 0, y.grad(), 0, r.length);
                tape.backward();
            }
            int oh = y.shape().dim(1);
            int ow = y.shape().dim(2);
            int padTop = 0;
            int padLeft = 0;
            if (padding == Padding.SAME) {
                assertEquals((h + sh - 1) / sh, oh, what);
                assertEquals((w + sw - 1) / sw, ow, what);
                padTop = Math.max((oh - 1) * sh + (kh - 1) * dh + 1 - h, 0) / 2;
                padLeft = Math.max((ow - 1) * sw + (kw - 1) * dw + 1 - w, 0) / 2;
            } else {
                assertEquals((h - (kh - 1) * dh - 1) / sh + 1, oh, what);
                assertEquals((w - (kw - 1) * dw - 1) / sw + 1, ow, what);
            }
            double[] dx = new double[x.size()];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        for (int f = 0; f < filters; f++) {
                            int out = ((b * oh + i) * ow + j) * filters + f;
                            double sum = bias[f];
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    int ih = i * sh + p * dh - padTop;
                                    int iw = j * sw + q * dw - padLeft;
                                    if (ih < 0 || ih >= h || iw < 0 || iw >= w) {
                                        continue;
                                    }
                                    for (int c = 0; c < cin; c++) {
                                        int in = ((b * h + ih) * w + iw) * cin + c;
                                        double k = kernel[((p * kw + q) * cin + c) * filters + f];
                                        sum += x.data()[in] * k;
                                        dx[in] += r[out] * k;
                                    }
                                }
                            }
                            assertEquals(sum, y.data()[out], 1e-5 * (1 + Math.abs(sum)), what + " y[" + out + "]");
                        }
                    }
                }
            }
            for (int i = 0; i < dx.length; i++) {
                assertEquals(dx[i], x.grad()[i], 1e-5 * (1 + Math.abs(dx[i])), what + " dx[" + i + "]");
            }
        }
    }

    private static float[] fill(float[] a, SplittableRandom random) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }
}
