package dev.jnn.layers;

import java.util.Arrays;

/**
 * The loops of a depthwise 2-D convolution over channels_last samples, shared by {@link DepthwiseConv2D}
 * and {@link SeparableConv2D}: input channel {@code c} is convolved with its own {@code M} filters
 * ({@code M} = depth multiplier) and gives output channels {@code c·M + m}, TensorFlow's order:
 * {@code y[b, i, j, c·M + m] = Σ_{p, q} x[b, i·sh + p·dh - padTop, j·sw + q·dw - padLeft, c] · kernel[p, q, c, m]}.
 *
 * <p>Shapes: x {@code [batch, inHeight, inWidth, C]}, kernel {@code [kh, kw, C, M]} (Keras's layout),
 * y {@code [batch, outHeight, outWidth, C·M]}, all row-major; the index arithmetic (padding, output size)
 * is {@link ConvGeometry}'s with {@code channels = C}.
 *
 * <p>Loop order: output position, then kernel tap clipped to the image (so the inner loop has no bounds
 * test), then channels. There is no GEMM here: each output channel reads one input channel, so im2col
 * would multiply by a block-diagonal matrix. The inner loop runs over the {@code C·M} values that are
 * contiguous in y and in the kernel's tap row; with {@code M = 1} it is a unit-stride multiply-add over
 * channels that C2 vectorizes.
 */
final class DepthwiseConvolution {
    private DepthwiseConvolution() {
    }

    /** Writes {@code y} (overwritten) from {@code x} and {@code kernel}. */
    static void forward(ConvGeometry g, int multiplier, float[] x, float[] kernel, float[] y, int batch) {
        Arrays.fill(y, 0, batch * g.positions() * g.channels() * multiplier, 0f);
        int channels = g.channels();
        int width = channels * multiplier;
        int out = 0;
        for (int b = 0; b < batch; b++) {
            int sample = b * g.inHeight() * g.inWidth() * channels;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int ih0 = oh * g.strideHeight() - g.padTop();
                int pLo = ConvGeometry.firstInside(ih0, g.dilationHeight());
                int pHi = ConvGeometry.endInside(ih0, g.dilationHeight(), g.inHeight(), g.kernelHeight());
                for (int ow = 0; ow < g.outWidth(); ow++, out += width) {
                    int iw0 = ow * g.strideWidth() - g.padLeft();
                    int qLo = ConvGeometry.firstInside(iw0, g.dilationWidth());
                    int qHi = ConvGeometry.endInside(iw0, g.dilationWidth(), g.inWidth(), g.kernelWidth());
                    for (int p = pLo; p < pHi; p++) {
                        int row = sample + (ih0 + p * g.dilationHeight()) * g.inWidth() * channels;
                        for (int q = qLo; q < qHi; q++) {
                            int src = row + (iw0 + q * g.dilationWidth()) * channels;
                            int tap = (p * g.kernelWidth() + q) * width;
                            if (multiplier == 1) {
                                for (int c = 0; c < channels; c++) {
                                    y[out + c] += x[src + c] * kernel[tap + c];
                                }
                            } else {
                                for (int c = 0; c < channels; c++) {
                                    float xv = x[src + c];
                                    int base = c * multiplier;
                                    for (int m = 0; m < multiplier; m++) {
                                        y[out + base + m] += xv * kernel[tap + base + m];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds the gradients of a forward call, given {@code dy}: {@code dx += Σ_m dy·kernel} (skipped when
     * {@code dx} is null) and {@code dKernel += Σ dy·x} over positions (skipped when null).
     */
    static void backward(ConvGeometry g, int multiplier, float[] x, float[] kernel, float[] dy,
                         float[] dx, float[] dKernel, int batch) {
        int channels = g.channels();
        int width = channels * multiplier;
        int out = 0;
        for (int b = 0; b < batch; b++) {
            int sample = b * g.inHeight() * g.inWidth() * channels;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int ih0 = oh * g.strideHeight() - g.padTop();
                int pLo = ConvGeometry.firstInside(ih0, g.dilationHeight());
                int pHi = ConvGeometry.endInside(ih0, g.dilationHeight(), g.inHeight(), g.kernelHeight());
                for (int ow = 0; ow < g.outWidth(); ow++, out += width) {
                    int iw0 = ow * g.strideWidth() - g.padLeft();
                    int qLo = ConvGeometry.firstInside(iw0, g.dilationWidth());
                    int qHi = ConvGeometry.endInside(iw0, g.dilationWidth(), g.inWidth(), g.kernelWidth());
                    for (int p = pLo; p < pHi; p++) {
                        int row = sample + (ih0 + p * g.dilationHeight()) * g.inWidth() * channels;
                        for (int q = qLo; q < qHi; q++) {
                            int src = row + (iw0 + q * g.dilationWidth()) * channels;
                            int tap = (p * g.kernelWidth() + q) * width;
                            if (dx != null) {
                                inputGradient(multiplier, channels, kernel, tap, dy, out, dx, src);
                            }
                            if (dKernel != null) {
                                kernelGradient(multiplier, channels, x, src, dy, out, dKernel, tap);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void inputGradient(int multiplier, int channels, float[] kernel, int tap, float[] dy, int out,
                                      float[] dx, int src) {
        if (multiplier == 1) {
            for (int c = 0; c < channels; c++) {
                dx[src + c] += dy[out + c] * kernel[tap + c];
            }
            return;
        }
        for (int c = 0; c < channels; c++) {
            int base = c * multiplier;
            float sum = 0f;
            for (int m = 0; m < multiplier; m++) {
                sum += dy[out + base + m] * kernel[tap + base + m];
            }
            dx[src + c] += sum;
        }
    }

    private static void kernelGradient(int multiplier, int channels, float[] x, int src, float[] dy, int out,
                                       float[] dKernel, int tap) {
        if (multiplier == 1) {
            for (int c = 0; c < channels; c++) {
                dKernel[tap + c] += dy[out + c] * x[src + c];
            }
            return;
        }
        for (int c = 0; c < channels; c++) {
            float xv = x[src + c];
            int base = c * multiplier;
            for (int m = 0; m < multiplier; m++) {
                dKernel[tap + base + m] += dy[out + base + m] * xv;
            }
        }
    }
}
