package dev.jnn.layers;

import java.util.Arrays;

/**
 * The index arithmetic of a 2-D convolution over channels_last samples {@code [height, width, channels]}
 * (a 1-D convolution is the case {@code height = kernelHeight = 1}), with the im2col gather that turns it
 * into one matrix product and the col2im scatter-add that is its transpose.
 *
 * <p>im2col writes one row per output position, {@code rows = batch·outHeight·outWidth}, each of
 * {@code kernelHeight·kernelWidth·channels} values ordered (kernel row, kernel column, channel): the
 * order of Keras's kernel {@code [kh, kw, in, filters]} flattened to {@code [kh·kw·in, filters]}, so
 * {@code z = cols · kernel}. Padded positions read as zero. The inner copy is one
 * {@code System.arraycopy} per kernel row when the dilation along the width is 1 (the common case),
 * because a kernel row then covers {@code kernelWidth·channels} contiguous input values.
 */
record ConvGeometry(int inHeight, int inWidth, int channels, int kernelHeight, int kernelWidth,
                    int strideHeight, int strideWidth, int dilationHeight, int dilationWidth,
                    int padTop, int padLeft, int outHeight, int outWidth) {

    /**
     * The geometry for one spatial layout; {@code outHeight} or {@code outWidth} is &lt;= 0 when the
     * (dilated) kernel does not fit a valid-padded input, which callers report.
     */
    static ConvGeometry of(int inHeight, int inWidth, int channels, int kernelHeight, int kernelWidth,
                           int strideHeight, int strideWidth, int dilationHeight, int dilationWidth,
                           Padding heightPadding, Padding widthPadding) {
        int[] h = axis(inHeight, kernelHeight, strideHeight, dilationHeight, heightPadding);
        int[] w = axis(inWidth, kernelWidth, strideWidth, dilationWidth, widthPadding);
        return new ConvGeometry(inHeight, inWidth, channels, kernelHeight, kernelWidth, strideHeight,
                strideWidth, dilationHeight, dilationWidth, h[1], w[1], h[0], w[0]);
    }

    /** {output size, padding before} along one axis, as TensorFlow computes them. */
    private static int[] axis(int in, int kernel, int stride, int dilation, Padding padding) {
        int span = (kernel - 1) * dilation + 1;
        return switch (padding) {
            case VALID -> new int[] {Math.floorDiv(in - span, stride) + 1, 0};
            case SAME -> {
                int out = (in - 1) / stride + 1;
                int total = Math.max((out - 1) * stride + span - in, 0);
                yield new int[] {out, total / 2};
            }
            case CAUSAL -> new int[] {(in - 1) / stride + 1, span - 1};
        };
    }

    /** Values per im2col row: {@code kernelHeight·kernelWidth·channels}. */
    int patchSize() {
        return kernelHeight * kernelWidth * channels;
    }

    /** Output positions per sample. */
    int positions() {
        return outHeight * outWidth;
    }

    /** True when im2col would copy the input unchanged (1×1 kernel, stride 1, no padding). */
    boolean isIdentity() {
        return kernelHeight == 1 && kernelWidth == 1 && strideHeight == 1 && strideWidth == 1
                && outHeight == inHeight && outWidth == inWidth;
    }

    /** Gathers {@code x [batch, inHeight, inWidth, channels]} into {@code cols [batch·positions, patchSize]}. */
    void im2col(float[] x, float[] cols, int batch) {
        im2col(x, cols, 0, batch);
    }

    /** im2col for samples {@code b0..b1-1} only: writes their rows of {@code cols}, reads only their part of {@code x}. */
    void im2col(float[] x, float[] cols, int b0, int b1) {
        int rowWidth = kernelWidth * channels;
        int col = b0 * positions() * patchSize();
        for (int b = b0; b < b1; b++) {
            int sample = b * inHeight * inWidth * channels;
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    int iw0 = ow * strideWidth - padLeft;
                    int jLo = firstInside(iw0, dilationWidth);
                    int jHi = endInside(iw0, dilationWidth, inWidth, kernelWidth);
                    for (int i = 0; i < kernelHeight; i++, col += rowWidth) {
                        int ih = oh * strideHeight - padTop + i * dilationHeight;
                        if (ih < 0 || ih >= inHeight || jLo >= jHi) {
                            Arrays.fill(cols, col, col + rowWidth, 0f);
                            continue;
                        }
                        Arrays.fill(cols, col, col + jLo * channels, 0f);
                        Arrays.fill(cols, col + jHi * channels, col + rowWidth, 0f);
                        int src = sample + (ih * inWidth + iw0) * channels;
                        if (dilationWidth == 1) {
                            System.arraycopy(x, src + jLo * channels, cols, col + jLo * channels, (jHi - jLo) * channels);
                        } else {
                            for (int j = jLo; j < jHi; j++) {
                                System.arraycopy(x, src + j * dilationWidth * channels, cols, col + j * channels, channels);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Adds {@code cols [batch·positions, patchSize]} back into {@code dx [batch, inHeight, inWidth, channels]}. */
    void col2im(float[] cols, float[] dx, int batch) {
        col2im(cols, dx, 0, batch);
    }

    /**
     * col2im for samples {@code b0..b1-1} only; their part of {@code dx} is written by nothing else, so
     * disjoint sample ranges may run in parallel, each adding its rows in order.
     */
    void col2im(float[] cols, float[] dx, int b0, int b1) {
        int rowWidth = kernelWidth * channels;
        int col = b0 * positions() * patchSize();
        for (int b = b0; b < b1; b++) {
            int sample = b * inHeight * inWidth * channels;
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    int iw0 = ow * strideWidth - padLeft;
                    int jLo = firstInside(iw0, dilationWidth);
                    int jHi = endInside(iw0, dilationWidth, inWidth, kernelWidth);
                    for (int i = 0; i < kernelHeight; i++, col += rowWidth) {
                        int ih = oh * strideHeight - padTop + i * dilationHeight;
                        if (ih < 0 || ih >= inHeight) {
                            continue;
                        }
                        int dst = sample + (ih * inWidth + iw0) * channels;
                        if (dilationWidth == 1) {
                            int from = jLo * channels;
                            int to = jHi * channels;
                            for (int t = from; t < to; t++) {
                                dx[dst + t] += cols[col + t];
                            }
                        } else {
                            for (int j = jLo; j < jHi; j++) {
                                int d = dst + j * dilationWidth * channels;
                                int s = col + j * channels;
                                for (int c = 0; c < channels; c++) {
                                    dx[d + c] += cols[s + c];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The first kernel column j with {@code iw0 + j·dilation >= 0}. */
    static int firstInside(int iw0, int dilation) {
        return iw0 >= 0 ? 0 : (-iw0 + dilation - 1) / dilation;
    }

    /** One past the last kernel column j with {@code iw0 + j·dilation < inWidth}, at most {@code kernelWidth}. */
    static int endInside(int iw0, int dilation, int inWidth, int kernelWidth) {
        if (iw0 >= inWidth) {
            return 0;
        }
        return Math.min(kernelWidth, (inWidth - 1 - iw0) / dilation + 1);
    }
}
