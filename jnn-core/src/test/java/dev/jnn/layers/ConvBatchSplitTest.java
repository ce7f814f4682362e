package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batches large enough that Conv2D splits its passes over the samples: every sample's output and input
 * gradient must equal what a batch of that sample alone gives (one run, no split) to within a few ulps —
 * the vectorized tanh/exp finish an array's last values with their scalar twin, so where a value falls
 * in the array can move its last bit — and the
 * kernel and bias gradients (both orientations of the kernel product) must match a double-precision
 * direct convolution.
 */
class ConvBatchSplitTest {
    private static final float ULPS = 1e-6f;
    private final SplittableRandom random = new SplittableRandom(17);

    @Test
    void conv2dSplitMatchesPerSampleRunsAndReference() {
        // patch 36 > 8 filters: dKernel as (dZᵀ·cols)ᵀ
        check(Conv2D.builder(8, 3).activation("relu").build(), 24, 14, 14, 4);
        // patch 9 <= 16 filters: dKernel as colsᵀ·dZ (the first layer of the benchmark CNN)
        check(Conv2D.builder(16, 3).activation("relu").build(), 40, 20, 20, 1);
        // linear, same padding, strides: bias only in the split output pass
        check(Conv2D.builder(5, 3).strides(2).padding("same").build(), 64, 17, 15, 3);
        // an activation without an offset kernel (tanh) runs whole, after the split im2col
        check(Conv2D.builder(4, 2).activation("tanh").build(), 48, 12, 12, 6);
        // 1×1 kernel: no im2col, the input is the matrix
        check(Conv2D.builder(6, 1).activation("relu").build(), 30, 9, 9, 40);
        // dilation and odd sizes
        check(Conv2D.builder(7, 3, 2).dilationRate(2).activation("relu").build(), 36, 13, 11, 5);
    }

    /** One batch call with its backward: the output, the input gradient and the weights' gradients. */
    private record Run(float[] y, float[] dx, float[] kernelGrad, float[] biasGrad) {
    }

    private static Run run(Layer layer, Tensor x, float[] dy) {
        x.markRequiresGrad();
        x.zeroGrad();
        BaseConv conv = layer instanceof BaseConv c ? c : null;
        if (conv != null) {
            Arrays.fill(conv.kernel().grad(), 0f);
            Arrays.fill(conv.bias().grad(), 0f);
        }
        Tensor y;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(x, false);
            System.arraycopy(dy, 0, y.grad(), 0, dy.length);
            tape.backward();
        }
        return new Run(y.data().clone(), x.grad().clone(), conv == null ? null : conv.kernel().grad().clone(),
                conv == null ? null : conv.bias().grad().clone());
    }

    private void check(Conv2D conv, int batch, int h, int w, int cin) {
        Shape sample = Shape.of(h, w, cin);
        conv.build(sample, false);
        float[] kernel = gaussian(conv.kernel().value().data());
        float[] bias = gaussian(conv.bias().value().data());
        Tensor x = new Tensor(sample.withBatch(batch), gaussian(new float[batch * h * w * cin]));
        Shape out = conv.outputShape(sample);
        int outSize = out.size();
        float[] dy = gaussian(new float[batch * outSize]);
        Run whole = run(conv, x, dy);
        int inSize = sample.size();
        for (int b = 0; b < batch; b++) {
            Tensor one = new Tensor(sample.withBatch(1), Arrays.copyOfRange(x.data(), b * inSize, (b + 1) * inSize));
            Run alone = run(conv, one, Arrays.copyOfRange(dy, b * outSize, (b + 1) * outSize));
            assertArrayEquals(alone.y, Arrays.copyOfRange(whole.y, b * outSize, (b + 1) * outSize), ULPS,
                    conv.config() + " y of sample " + b);
            assertArrayEquals(alone.dx, Arrays.copyOfRange(whole.dx, b * inSize, (b + 1) * inSize), ULPS,
                    conv.config() + " dx of sample " + b);
        }
        var cfg = conv.config();
        ConvGeometry g = conv.geometry(sample);
        int kh = cfg.kernelSize().get(0);
        int kw = cfg.kernelSize().get(1);
        int filters = cfg.filters();
        boolean relu = "relu".equals(cfg.activation().name());
        boolean tanh = "tanh".equals(cfg.activation().name());
        double[] dKernel = new double[kernel.length];
        double[] dKernelScale = new double[kernel.length];
        double[] dBias = new double[filters];
        double[] dBiasScale = new double[filters];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < g.outHeight(); i++) {
                for (int j = 0; j < g.outWidth(); j++) {
                    for (int f = 0; f < filters; f++) {
                        int o = ((b * g.outHeight() + i) * g.outWidth() + j) * filters + f;
                        double z = bias[f];
                        for (int p = 0; p < kh; p++) {
                            for (int q = 0; q < kw; q++) {
                                int ih = i * g.strideHeight() + p * g.dilationHeight() - g.padTop();
                                int iw = j * g.strideWidth() + q * g.dilationWidth() - g.padLeft();
                                if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                    for (int c = 0; c < cin; c++) {
                                        z += (double) x.data()[((b * h + ih) * w + iw) * cin + c]
                                                * kernel[((p * kw + q) * cin + c) * filters + f];
                                    }
                                }
                            }
                        }
                        double yRef = relu ? Math.max(z, 0) : tanh ? Math.tanh(z) : z;
                        assertEquals(yRef, whole.y[o], 1e-4 * (1 + Math.abs(yRef)), cfg + " y[" + o + "]");
                        // the derivative from the layer's own output, so values near a ReLU's kink agree
                        double dz = dy[o] * (relu ? (whole.y[o] > 0 ? 1 : 0) : tanh ? 1 - whole.y[o] * whole.y[o] : 1);
                        dBias[f] += dz;
                        dBiasScale[f] += Math.abs(dz);
                        for (int p = 0; p < kh; p++) {
                            for (int q = 0; q < kw; q++) {
                                int ih = i * g.strideHeight() + p * g.dilationHeight() - g.padTop();
                                int iw = j * g.strideWidth() + q * g.dilationWidth() - g.padLeft();
                                if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                    for (int c = 0; c < cin; c++) {
                                        int k = ((p * kw + q) * cin + c) * filters + f;
                                        double term = dz * x.data()[((b * h + ih) * w + iw) * cin + c];
                                        dKernel[k] += term;
                                        dKernelScale[k] += Math.abs(term);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int k = 0; k < kernel.length; k++) {
            assertEquals(dKernel[k], whole.kernelGrad[k], 1e-5 * dKernelScale[k] + 1e-6, cfg + " dKernel[" + k + "]");
        }
        for (int f = 0; f < filters; f++) {
            assertEquals(dBias[f], whole.biasGrad[f], 1e-5 * dBiasScale[f] + 1e-6, cfg + " dBias[" + f + "]");
        }
    }

    private float[] gaussian(float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }
}
