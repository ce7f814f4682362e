package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DepthwiseConv2D, SeparableConv2D and Conv2DTranspose against direct double-precision loops written from
 * the formulas (not from {@link ConvGeometry}), forward and backward, on random awkward geometries.
 */
class ConvxReferenceTest {
    /** One random geometry along one axis and the conv padding before it ("same": TensorFlow's split). */
    private record Axis(int in, int kernel, int stride, int dilation, int out, int padBefore) {
        static Axis conv(int in, int kernel, int stride, int dilation, boolean same) {
            int span = (kernel - 1) * dilation + 1;
            if (!same) {
                return new Axis(in, kernel, stride, dilation, (in - span) / stride + 1, 0);
            }
            int out = (in + stride - 1) / stride;
            return new Axis(in, kernel, stride, dilation, out, Math.max((out - 1) * stride + span - in, 0) / 2);
        }
    }

    @Test
    void depthwiseAndSeparableMatchDirectLoops() {
        SplittableRandom random = new SplittableRandom(41);
        for (int trial = 0; trial < 40; trial++) {
            int kh = 1 + random.nextInt(4);
            int kw = 1 + random.nextInt(4);
            int sh = 1 + random.nextInt(3);
            int sw = 1 + random.nextInt(3);
            int dh = 1 + random.nextInt(3);
            int dw = 1 + random.nextInt(3);
            boolean same = random.nextBoolean();
            Axis h = Axis.conv((kh - 1) * dh + 1 + random.nextInt(5), kh, sh, dh, same);
            Axis w = Axis.conv((kw - 1) * dw + 1 + random.nextInt(5), kw, sw, dw, same);
            int cin = 1 + random.nextInt(4);
            int mult = 1 + random.nextInt(3);
            int filters = 1 + random.nextInt(4);
            int batch = 1 + random.nextInt(2);
            boolean separable = trial % 2 == 1;
            Layer layer = separable
                    ? SeparableConv2D.builder(filters, kh, kw).strides(sh, sw).dilationRate(dh, dw)
                            .padding(same ? "same" : "valid").depthMultiplier(mult).build()
                    : DepthwiseConv2D.builder(kh, kw).strides(sh, sw).dilationRate(dh, dw)
                            .padding(same ? "same" : "valid").depthMultiplier(mult).build();
            String what = "trial " + trial + " " + layer.config() + " input " + h.in + "x" + w.in + "x" + cin;
            Run run = run(layer, Shape.of(batch, h.in, w.in, cin), random);
            float[] k = run.weights[0];
            int mid = cin * mult;
            // depthwise result and its gradient, then the pointwise step for the separable layer
            double[] dw2 = new double[batch * h.out * w.out * mid];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < h.out; i++) {
                    for (int j = 0; j < w.out; j++) {
                        for (int c = 0; c < cin; c++) {
                            for (int m = 0; m < mult; m++) {
                                double sum = 0;
                                for (int p = 0; p < kh; p++) {
                                    for (int q = 0; q < kw; q++) {
                                        int ih = i * sh + p * dh - h.padBefore;
                                        int iw = j * sw + q * dw - w.padBefore;
                                        if (ih >= 0 && ih < h.in && iw >= 0 && iw < w.in) {
                                            sum += run.x[((b * h.in + ih) * w.in + iw) * cin + c]
                                                    * k[((p * kw + q) * cin + c) * mult + m];
                                        }
                                    }
                                }
                                dw2[((b * h.out + i) * w.out + j) * mid + c * mult + m] = sum;
                            }
                        }
                    }
                }
            }
            int outChannels = separable ? filters : mid;
            double[] y = new double[batch * h.out * w.out * outChannels];
            double[] dMid = new double[dw2.length];
            double[] dPointwise = new double[mid * filters];
            float[] bias = run.weights[separable ? 2 : 1];
            for (int r = 0; r < batch * h.out * w.out; r++) {
                for (int f = 0; f < outChannels; f++) {
                    double sum = bias[f];
                    if (separable) {
                        for (int c = 0; c < mid; c++) {
                            double pw = run.weights[1][c * filters + f];
                            sum += dw2[r * mid + c] * pw;
                            dMid[r * mid + c] += run.r[r * filters + f] * pw;
                            dPointwise[c * filters + f] += run.r[r * filters + f] * dw2[r * mid + c];
                        }
                    } else {
                        sum += dw2[r * mid + f];
                        dMid[r * mid + f] = run.r[r * mid + f];
                    }
                    y[r * outChannels + f] = sum;
                }
            }
            double[] dx = new double[run.x.length];
            double[] dk = new double[k.length];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < h.out; i++) {
                    for (int j = 0; j < w.out; j++) {
                        for (int p = 0; p < kh; p++) {
                            for (int q = 0; q < kw; q++) {
                                int ih = i * sh + p * dh - h.padBefore;
                                int iw = j * sw + q * dw - w.padBefore;
                                if (ih < 0 || ih >= h.in || iw < 0 || iw >= w.in) {
                                    continue;
                                }
                                for (int c = 0; c < cin; c++) {
                                    for (int m = 0; m < mult; m++) {
                                        int in = ((b * h.in + ih) * w.in + iw) * cin + c;
                                        int kk = ((p * kw + q) * cin + c) * mult + m;
                                        double g = dMid[((b * h.out + i) * w.out + j) * mid + c * mult + m];
                                        dx[in] += g * k[kk];
                                        dk[kk] += g * run.x[in];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            assertClose(what + " y", y, run.y);
            assertClose(what + " dx", dx, run.dx);
            assertClose(what + " dkernel", dk, run.grads[0]);
            if (separable) {
                assertClose(what + " dpointwise", dPointwise, run.grads[1]);
            }
        }
    }

    @Test
    void transposeMatchesDirectScatter() {
        SplittableRandom random = new SplittableRandom(43);
        for (int trial = 0; trial < 40; trial++) {
            int kh = 1 + random.nextInt(4);
            int kw = 1 + random.nextInt(4);
            boolean dilate = random.nextInt(3) == 0;
            int sh = dilate ? 1 : 1 + random.nextInt(3);
            int sw = dilate ? 1 : 1 + random.nextInt(3);
            int dh = dilate ? 1 + random.nextInt(3) : 1;
            int dw = dilate ? 1 + random.nextInt(3) : 1;
            boolean same = random.nextBoolean();
            boolean withOutputPadding = random.nextBoolean();
            int oph = random.nextInt(sh);
            int opw = random.nextInt(sw);
            int inH = 1 + random.nextInt(4);
            int inW = 1 + random.nextInt(4);
            int cin = 1 + random.nextInt(4);
            int filters = 1 + random.nextInt(4);
            int batch = 1 + random.nextInt(2);
            // output sizes from Keras's deconv_output_length, written out again here
            int spanH = (kh - 1) * dh + 1;
            int spanW = (kw - 1) * dw + 1;
            int outH;
            int outW;
            if (!same) {
                outH = (inH - 1) * sh + spanH + (withOutputPadding ? oph : Math.max(spanH, sh) - spanH);
                outW = (inW - 1) * sw + spanW + (withOutputPadding ? opw : Math.max(spanW, sw) - spanW);
            } else {
                outH = withOutputPadding ? (inH - 1) * sh + spanH % 2 + oph : inH * sh;
                outW = withOutputPadding ? (inW - 1) * sw + spanW % 2 + opw : inW * sw;
            }
            if (same && ((outH + sh - 1) / sh != inH || (outW + sw - 1) / sw != inW)) {
                continue; // TensorFlow rejects this combination; Conv2DTransposeTest covers the error
            }
            var builder = Conv2DTranspose.builder(filters, kh, kw).strides(sh, sw).dilationRate(dh, dw)
                    .padding(same ? "same" : "valid");
            if (withOutputPadding) {
                builder.outputPadding(oph, opw);
            }
            Conv2DTranspose layer = builder.build();
            String what = "trial " + trial + " " + layer.config() + " input " + inH + "x" + inW + "x" + cin;
            Run run = run(layer, Shape.of(batch, inH, inW, cin), random);
            assertEquals(Shape.of(batch, outH, outW, filters), run.shape, what);
            int padTop = same ? Math.max((inH - 1) * sh + spanH - outH, 0) / 2 : 0;
            int padLeft = same ? Math.max((inW - 1) * sw + spanW - outW, 0) / 2 : 0;
            float[] k = run.weights[0];
            float[] bias = run.weights[1];
            double[] y = new double[batch * outH * outW * filters];
            for (int i = 0; i < y.length; i++) {
                y[i] = bias[i % filters];
            }
            double[] dx = new double[run.x.length];
            double[] dk = new double[k.length];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < inH; i++) {
                    for (int j = 0; j < inW; j++) {
                        for (int p = 0; p < kh; p++) {
                            for (int q = 0; q < kw; q++) {
                                int oh = i * sh + p * dh - padTop;
                                int ow = j * sw + q * dw - padLeft;
                                if (oh < 0 || oh >= outH || ow < 0 || ow >= outW) {
                                    continue;
                                }
                                for (int f = 0; f < filters; f++) {
                                    int out = ((b * outH + oh) * outW + ow) * filters + f;
                                    for (int c = 0; c < cin; c++) {
                                        int in = ((b * inH + i) * inW + j) * cin + c;
                                        int kk = ((p * kw + q) * filters + f) * cin + c;
                                        y[out] += run.x[in] * k[kk];
                                        dx[in] += run.r[out] * k[kk];
                                        dk[kk] += run.r[out] * run.x[in];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            assertClose(what + " y", y, run.y);
            assertClose(what + " dx", dx, run.dx);
            assertClose(what + " dkernel", dk, run.grads[0]);
        }
    }

    @Test
    void transposeIsTheAdjointOfConv2D() {
        // <conv(u), v> = <u, convT(v)> for the same kernel: Conv2D [kh, kw, F, C] maps F → C channels
        SplittableRandom random = new SplittableRandom(47);
        Conv2D conv = Conv2D.builder(3, 3, 2).strides(2).padding("same").useBias(false).build();
        Conv2DTranspose transpose = Conv2DTranspose.builder(2, 3, 2).strides(2).padding("same").useBias(false).build();
        conv.build(Shape.of(8, 6, 2), false);
        transpose.build(Shape.of(4, 3, 3), false);
        fill(conv.kernel().value().data(), random);
        System.arraycopy(conv.kernel().value().data(), 0, transpose.kernel().value().data(), 0, 3 * 2 * 2 * 3);
        Tensor u = new Tensor(Shape.of(2, 8, 6, 2), fill(new float[2 * 8 * 6 * 2], random));
        Tensor v = new Tensor(Shape.of(2, 4, 3, 3), fill(new float[2 * 4 * 3 * 3], random));
        double left = dot(conv.call(u, false).data(), v.data());
        double right = dot(u.data(), transpose.call(v, false).data());
        assertEquals(left, right, 1e-4 * (1 + Math.abs(left)));
    }

    /** A forward and backward of {@code layer} on random x, weights and output weighting r. */
    private record Run(float[] x, float[][] weights, float[] r, Shape shape, float[] y, float[] dx, float[][] grads) {
    }

    private static Run run(Layer layer, Shape inShape, SplittableRandom random) {
        layer.build(inShape.withoutBatch(), false);
        float[][] weights = new float[layer.parameters().size()][];
        for (int i = 0; i < weights.length; i++) {
            Parameter p = layer.parameters().get(i);
            weights[i] = fill(p.value().data(), random);
            p.value().zeroGrad();
        }
        Tensor x = new Tensor(inShape, fill(new float[inShape.size()], random));
        x.markRequiresGrad();
        x.zeroGrad();
        Tensor y;
        float[] r;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(x, false);
            r = fill(new float[y.size()], random);
            System.arraycopy(r, 0, y.grad(), 0, r.length);
            tape.backward();
        }
        float[][] grads = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            grads[i] = layer.parameters().get(i).grad();
        }
        return new Run(x.data(), weights, r, y.shape(), y.data(), x.grad(), grads);
    }

    private static void assertClose(String what, double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * (1 + Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static float[] fill(float[] a, SplittableRandom random) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }
}
