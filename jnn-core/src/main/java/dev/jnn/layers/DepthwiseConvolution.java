package dev.jnn.layers;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import java.util.Arrays;

/**
 * The loops of a depthwise 2-D convolution over channels_last samples, shared by {@link DepthwiseConv2D}
 * and {@link SeparableConv2D}: input channel {@code c} is convolved with its own {@code M} filters
 * ({@code M} = depth multiplier) and gives output channels {@code c·M + m}, TensorFlow's order:
 * {@code y[b, i, j, c·M + m] = Σ_{p, q} x[b, i·sh + p·dh - padTop, j·sw + q·dw - padLeft, c] · kernel[p, q, c, m]}.
 *
 * <p>Shapes: x {@code [batch, inHeight, inWidth, C]}, kernel {@code [kh, kw, C, M]} (Keras's layout),
 * y {@code [batch, outHeight, outWidth, C·M]}, all row-major; the spatial index arithmetic (padding,
 * output size) is {@link ConvGeometry}'s.
 *
 * <p>There is no GEMM here: each output channel reads one input channel, so im2col would multiply by a
 * block-diagonal matrix. Instead, with {@code M > 1} the input is first {@linkplain #expand expanded}
 * to {@code C·M} channels ({@code xe[.., c·M + m] = x[.., c]}, a cheap copy next to the {@code kh·kw}
 * passes that follow), so that every case runs one loop shape: output position, kernel tap clipped to
 * the image (no bounds test inside), then one {@link Elementwise#multiplyAdd} (Vector API, or its scalar
 * twin) over the {@code C·M} values that are contiguous in y, xe and the kernel's tap row. C2 does not
 * auto-vectorize that loop across three arrays (measured: the same time with and without SuperWord). The backward runs the same loops
 * into an expanded input gradient, then {@linkplain #contract sums} its {@code M} copies per channel.
 *
 * <p>An instance is one layer call's geometry and scratch buffers, reused from step to step.
 */
final class DepthwiseConvolution {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

    private final ConvGeometry geometry;
    private final int multiplier;
    private final int batch;
    private final int pixels;
    private final int width;
    private final float[] expanded;
    private float[] expandedGrad;

    /** The buffers for {@code batch} samples of {@code geometry}'s input and depth multiplier {@code multiplier}. */
    DepthwiseConvolution(ConvGeometry geometry, int multiplier, int batch) {
        this.geometry = geometry;
        this.multiplier = multiplier;
        this.batch = batch;
        this.pixels = batch * geometry.inHeight() * geometry.inWidth();
        this.width = geometry.channels() * multiplier;
        this.expanded = multiplier == 1 ? null : new float[pixels * width];
    }

    /** Writes {@code y [batch, outHeight, outWidth, C·M]} (overwritten) from x and the kernel. */
    void forward(float[] x, float[] kernel, float[] y) {
        float[] xe = x;
        if (expanded != null) {
            expand(x, expanded, pixels, geometry.channels(), multiplier);
            xe = expanded;
        }
        forward(geometry, width, xe, kernel, y, batch);
    }

    /**
     * Adds the gradients of the last {@link #forward(float[], float[], float[])} given {@code dy} into
     * {@code dx} and {@code dKernel}; either may be null to skip it.
     */
    void backward(float[] x, float[] kernel, float[] dy, float[] dx, float[] dKernel) {
        if (expanded == null) {
            backward(geometry, width, x, kernel, dy, dx, dKernel, batch);
            return;
        }
        if (dx == null) {
            backward(geometry, width, expanded, kernel, dy, null, dKernel, batch);
            return;
        }
        if (expandedGrad == null) {
            expandedGrad = new float[expanded.length];
        }
        Arrays.fill(expandedGrad, 0f);
        backward(geometry, width, expanded, kernel, dy, expandedGrad, dKernel, batch);
        contract(expandedGrad, dx, pixels, geometry.channels(), multiplier);
    }

    /** Writes {@code xe [pixels, C·M]} with {@code xe[.., c·M + m] = x[.., c]}. */
    private static void expand(float[] x, float[] xe, int pixels, int channels, int multiplier) {
        int e = 0;
        for (int i = 0; i < pixels * channels; i++) {
            float v = x[i];
            for (int m = 0; m < multiplier; m++) {
                xe[e++] = v;
            }
        }
    }

    /** Adds {@code dxe [pixels, C·M]} into {@code dx [pixels, C]}, summing the M copies of each channel. */
    private static void contract(float[] dxe, float[] dx, int pixels, int channels, int multiplier) {
        int e = 0;
        for (int i = 0; i < pixels * channels; i++) {
            float sum = 0f;
            for (int m = 0; m < multiplier; m++) {
                sum += dxe[e++];
            }
            dx[i] += sum;
        }
    }

    /**
     * Writes {@code y} (overwritten) from the input {@code xe}, already expanded to {@code width = C·M}
     * channels (the input itself when M = 1), and {@code kernel} seen as {@code [kh·kw, width]}.
     */
    private static void forward(ConvGeometry g, int width, float[] xe, float[] kernel, float[] y, int batch) {
        Arrays.fill(y, 0, batch * g.positions() * width, 0f);
        int out = 0;
        for (int b = 0; b < batch; b++) {
            int sample = b * g.inHeight() * g.inWidth() * width;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int ih0 = oh * g.strideHeight() - g.padTop();
                int pLo = ConvGeometry.firstInside(ih0, g.dilationHeight());
                int pHi = ConvGeometry.endInside(ih0, g.dilationHeight(), g.inHeight(), g.kernelHeight());
                for (int ow = 0; ow < g.outWidth(); ow++, out += width) {
                    int iw0 = ow * g.strideWidth() - g.padLeft();
                    int qLo = ConvGeometry.firstInside(iw0, g.dilationWidth());
                    int qHi = ConvGeometry.endInside(iw0, g.dilationWidth(), g.inWidth(), g.kernelWidth());
                    for (int p = pLo; p < pHi; p++) {
                        int row = sample + (ih0 + p * g.dilationHeight()) * g.inWidth() * width;
                        for (int q = qLo; q < qHi; q++) {
                            int src = row + (iw0 + q * g.dilationWidth()) * width;
                            int tap = (p * g.kernelWidth() + q) * width;
                            ELEMENTWISE.multiplyAdd(xe, src, kernel, tap, y, out, width);
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds the gradients of a forward call given {@code dy}: {@code dxe += dy·kernel} per tap
     * (skipped when {@code dxe} is null; the expanded input's gradient, or the input's when M = 1) and
     * {@code dKernel += dy·xe} (skipped when null).
     */
    private static void backward(ConvGeometry g, int width, float[] xe, float[] kernel, float[] dy, float[] dxe,
                         float[] dKernel, int batch) {
        int out = 0;
        for (int b = 0; b < batch; b++) {
            int sample = b * g.inHeight() * g.inWidth() * width;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int ih0 = oh * g.strideHeight() - g.padTop();
                int pLo = ConvGeometry.firstInside(ih0, g.dilationHeight());
                int pHi = ConvGeometry.endInside(ih0, g.dilationHeight(), g.inHeight(), g.kernelHeight());
                for (int ow = 0; ow < g.outWidth(); ow++, out += width) {
                    int iw0 = ow * g.strideWidth() - g.padLeft();
                    int qLo = ConvGeometry.firstInside(iw0, g.dilationWidth());
                    int qHi = ConvGeometry.endInside(iw0, g.dilationWidth(), g.inWidth(), g.kernelWidth());
                    for (int p = pLo; p < pHi; p++) {
                        int row = sample + (ih0 + p * g.dilationHeight()) * g.inWidth() * width;
                        for (int q = qLo; q < qHi; q++) {
                            int src = row + (iw0 + q * g.dilationWidth()) * width;
                            int tap = (p * g.kernelWidth() + q) * width;
                            if (dxe != null) {
                                ELEMENTWISE.multiplyAdd(dy, out, kernel, tap, dxe, src, width);
                            }
                            if (dKernel != null) {
                                ELEMENTWISE.multiplyAdd(dy, out, xe, src, dKernel, tap, width);
                            }
                        }
                    }
                }
            }
        }
    }
}
