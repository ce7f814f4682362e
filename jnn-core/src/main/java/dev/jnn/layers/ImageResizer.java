package dev.jnn.layers;

/**
 * TensorFlow's {@code tf.image.resize} (what Keras's {@code ops.image.resize} runs) for "bilinear" and
 * "nearest", with half-pixel centers and no antialiasing, on channels_last images, and its adjoint.
 *
 * <p>The source is a window of each input image: {@code srcH × srcW} pixels whose corner sits at
 * {@code (top, left)} of the {@code h × w} input; a window pixel outside the input reads
 * {@code fill} and gets no gradient (Keras's crop_to_aspect_ratio is a window inside the image,
 * pad_to_aspect_ratio one reaching past it). With {@code scale = src / out} per axis, output row
 * {@code y} reads, bilinear: rows {@code floor(s)} and {@code ceil(s)} (clamped to the window) of
 * {@code s = (y + 0.5)·scale - 0.5}, weighted by {@code s - floor(s)}; nearest: row
 * {@code min(floor((y + 0.5)·scale), src - 1)}. Arithmetic is float32 in TensorFlow's order.
 */
final class ImageResizer {
    /** One axis of a resize: for each output position, the two source positions and the weight of the second. */
    record Axis(int[] lower, int[] upper, float[] lerp) {
        static Axis of(int src, int out, boolean bilinear) {
            int[] lower = new int[out];
            int[] upper = new int[out];
            float[] lerp = new float[out];
            float scale = (float) src / out;
            for (int i = 0; i < out; i++) {
                if (bilinear) {
                    float in = (i + 0.5f) * scale - 0.5f;
                    float floor = (float) Math.floor(in);
                    lower[i] = Math.max((int) floor, 0);
                    upper[i] = Math.min((int) Math.ceil(in), src - 1);
                    lerp[i] = in - floor;
                } else {
                    int nearest = Math.max(Math.min((int) Math.floor((i + 0.5f) * scale), src - 1), 0);
                    lower[i] = nearest;
                    upper[i] = nearest;
                }
            }
            return new Axis(lower, upper, lerp);
        }
    }

    /** A resize of windows of {@code h × w × c} images to {@code outH × outW}. */
    record Plan(int h, int w, int c, int top, int left, int srcH, int srcW, boolean bilinear, Axis rows, Axis cols,
                float fill) {
        static Plan of(int h, int w, int c, int top, int left, int srcH, int srcW, int outH, int outW,
                       boolean bilinear, float fill) {
            return new Plan(h, w, c, top, left, srcH, srcW, bilinear, Axis.of(srcH, outH, bilinear),
                    Axis.of(srcW, outW, bilinear), fill);
        }

        boolean matches(int h2, int w2, int c2, int top2, int left2, int srcH2, int srcW2, int outH2, int outW2,
                        boolean bilinear2, float fill2) {
            return h == h2 && w == w2 && c == c2 && top == top2 && left == left2 && srcH == srcH2 && srcW == srcW2
                    && outH() == outH2 && outW() == outW2 && bilinear == bilinear2
                    && Float.floatToIntBits(fill) == Float.floatToIntBits(fill2);
        }

        int outH() {
            return rows.lower.length;
        }

        int outW() {
            return cols.lower.length;
        }

        private float read(float[] in, int image, int sy, int sx, int ch) {
            int y = top + sy;
            int x = left + sx;
            return y >= 0 && y < h && x >= 0 && x < w ? in[image + (y * w + x) * c + ch] : fill;
        }

        private void add(float[] dx, int image, int sy, int sx, int ch, float g) {
            int y = top + sy;
            int x = left + sx;
            if (y >= 0 && y < h && x >= 0 && x < w) {
                dx[image + (y * w + x) * c + ch] += g;
            }
        }

        void forward(float[] in, float[] out, int batch) {
            int outH = outH();
            int outW = outW();
            for (int b = 0; b < batch; b++) {
                int image = b * h * w * c;
                int o = b * outH * outW * c;
                for (int oy = 0; oy < outH; oy++) {
                    int y0 = rows.lower[oy];
                    int y1 = rows.upper[oy];
                    float yl = rows.lerp[oy];
                    for (int ox = 0; ox < outW; ox++) {
                        int x0 = cols.lower[ox];
                        int x1 = cols.upper[ox];
                        float xl = cols.lerp[ox];
                        for (int ch = 0; ch < c; ch++) {
                            float topLeft = read(in, image, y0, x0, ch);
                            float topRight = read(in, image, y0, x1, ch);
                            float bottomLeft = read(in, image, y1, x0, ch);
                            float bottomRight = read(in, image, y1, x1, ch);
                            float topRow = topLeft + (topRight - topLeft) * xl;
                            float bottomRow = bottomLeft + (bottomRight - bottomLeft) * xl;
                            out[o++] = topRow + (bottomRow - topRow) * yl;
                        }
                    }
                }
            }
        }

        void backward(float[] dy, float[] dx, int batch) {
            int outH = outH();
            int outW = outW();
            for (int b = 0; b < batch; b++) {
                int image = b * h * w * c;
                int o = b * outH * outW * c;
                for (int oy = 0; oy < outH; oy++) {
                    int y0 = rows.lower[oy];
                    int y1 = rows.upper[oy];
                    float yl = rows.lerp[oy];
                    for (int ox = 0; ox < outW; ox++) {
                        int x0 = cols.lower[ox];
                        int x1 = cols.upper[ox];
                        float xl = cols.lerp[ox];
                        for (int ch = 0; ch < c; ch++) {
                            float g = dy[o++];
                            float top = (1 - yl) * g;
                            float bottom = yl * g;
                            add(dx, image, y0, x0, ch, top * (1 - xl));
                            add(dx, image, y0, x1, ch, top * xl);
                            add(dx, image, y1, x0, ch, bottom * (1 - xl));
                            add(dx, image, y1, x1, ch, bottom * xl);
                        }
                    }
                }
            }
        }
    }

    private ImageResizer() {
    }
}
