package dev.jnn.layers;

import dev.jnn.kernels.Parallel;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.function.IntConsumer;

/**
 * The shared body of Keras's max and average pooling layers, 1D and 2D. A channels_first layer moves
 * the channels to the end and back around the channels_last computation.
 *
 * <p>A 1D input {@code (steps, channels)} is pooled as a 2D input {@code (1, steps, channels)} with a
 * window of height 1. Output size per spatial axis: {@code floor((n - pool) / stride) + 1} for
 * "valid", {@code ceil(n / stride)} for "same", where "same" pads {@code floor(total / 2)} before and
 * the rest after (TensorFlow's rule). Padded positions never take part: max ignores them and average
 * divides by the number of real elements in the window.
 *
 * <p>Loops run window position by window position with the channel axis innermost, so every inner
 * loop reads and writes contiguous memory. Max pooling remembers, per output element, the flat input
 * index of its arg-max (the first maximum in row-major window order, as TensorFlow), and its backward
 * adds the output gradient there. Large batches are split over the samples with the shared kernel
 * pool; each task writes its own samples' outputs (and, backward, input gradients), so the results
 * do not depend on the number of threads.
 */
abstract class PoolingLayer extends Layer {
    private final int spatialRank;
    private final boolean max;
    private final int poolHeight;
    private final int poolWidth;
    private final int strideHeight;
    private final int strideWidth;
    private final String padding;
    private final DataFormat dataFormat;
    private final ChannelsFirst channelsFirst = new ChannelsFirst();
    /** Window elements per task: below about this much work a fork costs more than it saves. */
    private static final long GRAIN = 1 << 16;

    private final PerStep<Call> calls = new PerStep<>(Call::new);

    /**
     * The window geometry from a subclass's validated config; 1D pooling passes height 1 and its pool
     * size and strides as the width.
     */
    PoolingLayer(int spatialRank, boolean max, int poolHeight, int poolWidth, int strideHeight, int strideWidth,
            String padding, DataFormat dataFormat) {
        this.spatialRank = spatialRank;
        this.dataFormat = dataFormat;
        this.max = max;
        this.poolHeight = poolHeight;
        this.poolWidth = poolWidth;
        this.strideHeight = strideHeight;
        this.strideWidth = strideWidth;
        this.padding = padding;
    }

    /** Window height (1 for 1D pooling). */
    final int poolHeight() {
        return poolHeight;
    }

    /** Window width (the pool size for 1D pooling). */
    final int poolWidth() {
        return poolWidth;
    }

    final int strideHeight() {
        return strideHeight;
    }

    final int strideWidth() {
        return strideWidth;
    }

    /** "valid" or "same". */
    final String padding() {
        return padding;
    }

    /** The pool size as Keras prints it: {@code (2, 2)} or {@code (2,)}. */
    private String poolText() {
        return spatialRank == 2 ? "(" + poolHeight() + ", " + poolWidth() + ")" : "(" + poolWidth() + ",)";
    }

    private String strideText() {
        return spatialRank == 2 ? "(" + strideHeight() + ", " + strideWidth() + ")" : "(" + strideWidth() + ",)";
    }

    /** Output length along one axis; -1 when a "valid" window does not fit. */
    static int outputLength(int in, int pool, int stride, boolean same) {
        if (same) {
            return (in - 1) / stride + 1;
        }
        return in < pool ? -1 : (in - pool) / stride + 1;
    }

    /** Padding before the first element along one axis ("same" only; 0 for "valid"). */
    static int padBefore(int in, int out, int pool, int stride, boolean same) {
        if (!same) {
            return 0;
        }
        return Math.max((out - 1) * stride + pool - in, 0) / 2;
    }

    private boolean same() {
        return "same".equals(padding());
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, spatialRank + 1);
        return dataFormat.fromChannelsLast(channelsLastOutputShape(dataFormat.toChannelsLast(inputShape)));
    }

    /** The output shape of a channels_last input of the right rank. */
    private Shape channelsLastOutputShape(Shape inputShape) {
        boolean same = same();
        int channels = inputShape.dim(-1);
        if (spatialRank == 1) {
            int out = outputLength(inputShape.dim(0), poolWidth(), strideWidth(), same);
            if (out <= 0) {
                throw tooSmall(inputShape);
            }
            return Shape.of(out, channels);
        }
        int outH = outputLength(inputShape.dim(0), poolHeight(), strideHeight(), same);
        int outW = outputLength(inputShape.dim(1), poolWidth(), strideWidth(), same);
        if (outH <= 0 || outW <= 0) {
            throw tooSmall(inputShape);
        }
        return Shape.of(outH, outW, channels);
    }

    private IllegalArgumentException tooSmall(Shape inputShape) {
        return new IllegalArgumentException("Layer \"" + name() + "\": computed output size would be zero or negative. "
                + "Received: inputs.shape=" + inputShape.toKerasString() + ", pool_size=" + poolText()
                + ", strides=" + strideText() + ", padding=" + padding());
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (dataFormat == DataFormat.CHANNELS_LAST) {
            return pool(x);
        }
        return channelsFirst.toChannelsFirst(pool(channelsFirst.toChannelsLast(x, training)), training);
    }

    /** The pooling of a channels_last batch. */
    private Tensor pool(Tensor x) {
        Call call = calls.acquire();
        call.prepare(x);
        call.forwardAll();
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's geometry, output, arg-max indices and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private int[] argmax;
        private int batch;
        private int inH;
        private int inW;
        private int channels;
        private int outH;
        private int outW;
        private int padTop;
        private int padLeft;
        private int tasks = 1;
        // Bound once, so that a call allocates no lambda.
        private final IntConsumer forwardTask = this::forwardTask;
        private final IntConsumer backwardTask = this::backwardTask;

        void prepare(Tensor input) {
            this.x = input;
            if (input.shape().equals(shape)) {
                return;
            }
            shape = input.shape();
            Shape sample = shape.withoutBatch();
            Shape outSample = channelsLastOutputShape(sample);
            boolean same = same();
            batch = shape.dim(0);
            channels = sample.dim(-1);
            inH = spatialRank == 2 ? sample.dim(0) : 1;
            inW = sample.dim(spatialRank - 1);
            outH = spatialRank == 2 ? outSample.dim(0) : 1;
            outW = outSample.dim(spatialRank - 1);
            padTop = padBefore(inH, outH, poolHeight(), strideHeight(), same);
            padLeft = padBefore(inW, outW, poolWidth(), strideWidth(), same);
            y = Tensor.zeros(outSample.withBatch(batch));
            argmax = max ? new int[y.size()] : null;
        }

        /** Runs the forward pass, split over the samples when the batch is large. */
        void forwardAll() {
            tasks = Parallel.tasks(batch, (long) y.size() * poolHeight() * poolWidth(), GRAIN);
            Parallel.run(tasks, forwardTask);
        }

        private void forwardTask(int t) {
            int b0 = Parallel.start(t, tasks, batch);
            int b1 = Parallel.start(t + 1, tasks, batch);
            if (max) {
                maxForward(b0, b1);
            } else {
                averageForward(b0, b1);
            }
        }

        /**
         * The window loop is innermost, per channel, so the running maximum and its index stay in
         * registers. Data after a ReLU makes a branch on the comparison unpredictable; the 2×2 case
         * selects integers (the index, the maximum's bits), which compile to conditional moves.
         */
        private void maxForward(int b0, int b1) {
            float[] in = x.data();
            float[] out = y.data();
            int c = channels;
            int rowStride = inW * c;
            int o = b0 * outH * outW * c;
            for (int b = b0; b < b1; b++) {
                int sampleBase = b * inH * inW * c;
                for (int oh = 0; oh < outH; oh++) {
                    int h0 = Math.max(oh * strideHeight() - padTop, 0);
                    int h1 = Math.min(oh * strideHeight() - padTop + poolHeight(), inH);
                    for (int ow = 0; ow < outW; ow++, o += c) {
                        int w0 = Math.max(ow * strideWidth() - padLeft, 0);
                        int w1 = Math.min(ow * strideWidth() - padLeft + poolWidth(), inW);
                        int first = sampleBase + (h0 * inW + w0) * c;
                        int rows = h1 - h0;
                        int cols = (w1 - w0) * c;
                        if (rows == 2 && cols == 2 * c) {
                            max2x2(in, first, c, rowStride, out, o);
                            continue;
                        }
                        for (int k = 0; k < c; k++) {
                            int best = first + k;
                            float m = in[best];
                            for (int r = 0, row = first + k; r < rows; r++, row += rowStride) {
                                for (int i = row; i < row + cols; i += c) {
                                    float v = in[i];
                                    boolean greater = v > m;
                                    m = greater ? v : m;
                                    best = greater ? i : best;
                                }
                            }
                            out[o + k] = m;
                            argmax[o + k] = best;
                        }
                    }
                }
            }
        }

        /** The common 2×2 window, unrolled; the order (row-major) keeps the first maximum on ties. */
        private void max2x2(float[] in, int first, int c, int rowStride, float[] out, int o) {
            for (int k = 0; k < c; k++) {
                int i0 = first + k;
                int i2 = i0 + rowStride;
                float m = in[i0];
                int mBits = Float.floatToRawIntBits(m);
                int best = i0;
                float v = in[i0 + c];
                boolean greater = v > m;
                mBits = greater ? Float.floatToRawIntBits(v) : mBits;
                best = greater ? i0 + c : best;
                m = Float.intBitsToFloat(mBits);
                v = in[i2];
                greater = v > m;
                mBits = greater ? Float.floatToRawIntBits(v) : mBits;
                best = greater ? i2 : best;
                m = Float.intBitsToFloat(mBits);
                v = in[i2 + c];
                greater = v > m;
                mBits = greater ? Float.floatToRawIntBits(v) : mBits;
                best = greater ? i2 + c : best;
                out[o + k] = Float.intBitsToFloat(mBits);
                argmax[o + k] = best;
            }
        }

        private void averageForward(int b0, int b1) {
            float[] in = x.data();
            float[] out = y.data();
            int c = channels;
            int o = b0 * outH * outW * c;
            for (int b = b0; b < b1; b++) {
                int sampleBase = b * inH * inW * c;
                for (int oh = 0; oh < outH; oh++) {
                    int h0 = Math.max(oh * strideHeight() - padTop, 0);
                    int h1 = Math.min(oh * strideHeight() - padTop + poolHeight(), inH);
                    for (int ow = 0; ow < outW; ow++, o += c) {
                        int w0 = Math.max(ow * strideWidth() - padLeft, 0);
                        int w1 = Math.min(ow * strideWidth() - padLeft + poolWidth(), inW);
                        java.util.Arrays.fill(out, o, o + c, 0f);
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0; w < w1; w++) {
                                int base = sampleBase + (h * inW + w) * c;
                                for (int k = 0; k < c; k++) {
                                    out[o + k] += in[base + k];
                                }
                            }
                        }
                        float scale = 1f / ((h1 - h0) * (w1 - w0));
                        for (int k = 0; k < c; k++) {
                            out[o + k] *= scale;
                        }
                    }
                }
            }
        }

        @Override
        public void backward() {
            if (!x.requiresGrad()) {
                return;
            }
            Parallel.run(tasks, backwardTask);
        }

        /** Each task's samples own disjoint parts of {@code dx} (a window never leaves its sample). */
        private void backwardTask(int t) {
            int b0 = Parallel.start(t, tasks, batch);
            int b1 = Parallel.start(t + 1, tasks, batch);
            float[] dx = x.grad();
            float[] dy = y.grad();
            int c = channels;
            int perSample = outH * outW * c;
            if (max) {
                for (int i = b0 * perSample; i < b1 * perSample; i++) {
                    dx[argmax[i]] += dy[i];
                }
                return;
            }
            int o = b0 * perSample;
            for (int b = b0; b < b1; b++) {
                int sampleBase = b * inH * inW * c;
                for (int oh = 0; oh < outH; oh++) {
                    int h0 = Math.max(oh * strideHeight() - padTop, 0);
                    int h1 = Math.min(oh * strideHeight() - padTop + poolHeight(), inH);
                    for (int ow = 0; ow < outW; ow++, o += c) {
                        int w0 = Math.max(ow * strideWidth() - padLeft, 0);
                        int w1 = Math.min(ow * strideWidth() - padLeft + poolWidth(), inW);
                        float scale = 1f / ((h1 - h0) * (w1 - w0));
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0; w < w1; w++) {
                                int base = sampleBase + (h * inW + w) * c;
                                for (int k = 0; k < c; k++) {
                                    dx[base + k] += dy[o + k] * scale;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Checks a pooling configuration's values; {@code layer} names the class in messages. */
    static String checkPooling(String layer, int[] pool, int[] strides, String padding) {
        for (int p : pool) {
            if (p <= 0) {
                throw new IllegalArgumentException(layer + ": pool_size entries must be > 0, got "
                        + java.util.Arrays.toString(pool));
            }
        }
        for (int s : strides) {
            if (s <= 0) {
                throw new IllegalArgumentException(layer + ": strides entries must be > 0, got "
                        + java.util.Arrays.toString(strides));
            }
        }
        String p = padding == null ? "" : padding.toLowerCase(java.util.Locale.ROOT);
        if (!p.equals("valid") && !p.equals("same")) {
            throw new IllegalArgumentException(layer + ": padding must be 'valid' or 'same', got " + padding);
        }
        return p;
    }
}
