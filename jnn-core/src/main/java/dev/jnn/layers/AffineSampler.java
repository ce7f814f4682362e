package dev.jnn.layers;

/**
 * TensorFlow's {@code ImageProjectiveTransformV3}, which Keras's {@code ops.image.affine_transform}
 * runs for RandomRotation, RandomZoom and RandomTranslation, on channels_last images
 * {@code [batch, h, w, c]}, and the exact adjoint of it for the backward.
 *
 * <p>Each image has 8 numbers {@code a0 a1 a2 b0 b1 b2 c0 c1}: the output pixel {@code (x, y)} reads
 * the input at {@code ((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)}, {@code k = c0 x + c1 y + 1}.
 * Points outside the image are first mapped by the fill mode ({@code reflect}: dcba|abcd|dcba,
 * {@code wrap}: abcd|abcd|abcd, {@code nearest}: aaaa|abcd|dddd, {@code constant}: left as they are),
 * then read by nearest ({@code round} half away from zero) or bilinear interpolation; a tap outside the
 * image reads {@code fillValue}. Arithmetic is float32 in TensorFlow's order, so that the numbers are
 * TensorFlow's.
 *
 * <p>TensorFlow's registered gradient for this op warps the output gradient by the inverse transform,
 * which is not the derivative; {@link #backward} is the derivative (each tap's weight sent back to the
 * pixel it read), as Keras's other backends give it.
 */
final class AffineSampler {
    /** Keras's {@code fill_mode}. */
    enum FillMode {
        REFLECT, WRAP, CONSTANT, NEAREST;

        static FillMode of(String layer, String name) {
            for (FillMode m : values()) {
                if (m.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(layer + ": Unknown `fill_mode` " + name
                    + ". Expected of one ('reflect', 'wrap', 'constant', 'nearest').");
        }

        String kerasName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private AffineSampler() {
    }

    /** {@code out[b] = transform of in[b]} for every image, with the 8 numbers of image b at {@code t[8 b]}. */
    static void forward(float[] in, float[] out, int batch, int h, int w, int c, float[] t, boolean bilinear,
                        FillMode mode, float fillValue) {
        for (int b = 0; b < batch; b++) {
            int image = b * h * w * c;
            for (int oy = 0; oy < h; oy++) {
                for (int ox = 0; ox < w; ox++) {
                    int o = image + (oy * w + ox) * c;
                    float projection = t[8 * b + 6] * ox + t[8 * b + 7] * oy + 1f;
                    if (projection == 0f) {
                        java.util.Arrays.fill(out, o, o + c, fillValue);
                        continue;
                    }
                    float x = map(mode, (t[8 * b] * ox + t[8 * b + 1] * oy + t[8 * b + 2]) / projection, w);
                    float y = map(mode, (t[8 * b + 3] * ox + t[8 * b + 4] * oy + t[8 * b + 5]) / projection, h);
                    if (!bilinear) {
                        int iy = roundHalfAway(y);
                        int ix = roundHalfAway(x);
                        for (int ch = 0; ch < c; ch++) {
                            out[o + ch] = read(in, image, h, w, c, iy, ix, ch, fillValue);
                        }
                        continue;
                    }
                    float yFloor = (float) Math.floor(y);
                    float xFloor = (float) Math.floor(x);
                    float yCeil = yFloor + 1;
                    float xCeil = xFloor + 1;
                    int y0 = (int) yFloor;
                    int x0 = (int) xFloor;
                    for (int ch = 0; ch < c; ch++) {
                        float top = (xCeil - x) * read(in, image, h, w, c, y0, x0, ch, fillValue)
                                + (x - xFloor) * read(in, image, h, w, c, y0, x0 + 1, ch, fillValue);
                        float bottom = (xCeil - x) * read(in, image, h, w, c, y0 + 1, x0, ch, fillValue)
                                + (x - xFloor) * read(in, image, h, w, c, y0 + 1, x0 + 1, ch, fillValue);
                        out[o + ch] = (yCeil - y) * top + (y - yFloor) * bottom;
                    }
                }
            }
        }
    }

    /** Adds to {@code dx} the gradient of the loss with respect to the input, given {@code dy}. */
    static void backward(float[] dy, float[] dx, int batch, int h, int w, int c, float[] t, boolean bilinear,
                         FillMode mode) {
        for (int b = 0; b < batch; b++) {
            int image = b * h * w * c;
            for (int oy = 0; oy < h; oy++) {
                for (int ox = 0; ox < w; ox++) {
                    int o = image + (oy * w + ox) * c;
                    float projection = t[8 * b + 6] * ox + t[8 * b + 7] * oy + 1f;
                    if (projection == 0f) {
                        continue;
                    }
                    float x = map(mode, (t[8 * b] * ox + t[8 * b + 1] * oy + t[8 * b + 2]) / projection, w);
                    float y = map(mode, (t[8 * b + 3] * ox + t[8 * b + 4] * oy + t[8 * b + 5]) / projection, h);
                    if (!bilinear) {
                        int iy = roundHalfAway(y);
                        int ix = roundHalfAway(x);
                        add(dx, dy, o, image, h, w, c, iy, ix, 1f);
                        continue;
                    }
                    float yFloor = (float) Math.floor(y);
                    float xFloor = (float) Math.floor(x);
                    float wy1 = y - yFloor;
                    float wy0 = yFloor + 1 - y;
                    float wx1 = x - xFloor;
                    float wx0 = xFloor + 1 - x;
                    int y0 = (int) yFloor;
                    int x0 = (int) xFloor;
                    add(dx, dy, o, image, h, w, c, y0, x0, wy0 * wx0);
                    add(dx, dy, o, image, h, w, c, y0, x0 + 1, wy0 * wx1);
                    add(dx, dy, o, image, h, w, c, y0 + 1, x0, wy1 * wx0);
                    add(dx, dy, o, image, h, w, c, y0 + 1, x0 + 1, wy1 * wx1);
                }
            }
        }
    }

    private static float read(float[] in, int image, int h, int w, int c, int y, int x, int ch, float fill) {
        return y >= 0 && y < h && x >= 0 && x < w ? in[image + (y * w + x) * c + ch] : fill;
    }

    private static void add(float[] dx, float[] dy, int o, int image, int h, int w, int c, int y, int x,
                            float weight) {
        if (weight == 0f || y < 0 || y >= h || x < 0 || x >= w) {
            return;
        }
        int i = image + (y * w + x) * c;
        for (int ch = 0; ch < c; ch++) {
            dx[i + ch] += dy[o + ch] * weight;
        }
    }

    /** TensorFlow's {@code MapCoordinate}: an input coordinate outside {@code [0, len - 1]} by the fill mode. */
    static float map(FillMode mode, float coordinate, int len) {
        float in = coordinate;
        switch (mode) {
            case REFLECT -> {
                if (in < 0) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        long size2 = 2L * len;
                        if (in < size2) {
                            in = size2 * (long) (-in / size2) + in;
                        }
                        in = in < -len ? in + size2 : -in - 1;
                    }
                } else if (in > len - 1) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        long size2 = 2L * len;
                        in -= size2 * (long) (in / size2);
                        if (in >= len) {
                            in = size2 - in - 1;
                        }
                    }
                }
                return clamp(in, len);
            }
            case WRAP -> {
                if (in < 0) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        long size = len - 1;
                        in += len * ((long) (-in / size) + 1);
                    }
                } else if (in > len - 1) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        long size = len - 1;
                        in -= len * (long) (in / size);
                    }
                }
                return clamp(in, len);
            }
            case NEAREST -> {
                return clamp(in, len);
            }
            default -> {
                return in;
            }
        }
    }

    /** C's {@code round}: halves away from zero (TensorFlow's nearest interpolation). */
    static int roundHalfAway(float v) {
        double a = Math.abs((double) v);
        double r = Math.floor(a);
        if (a - r >= 0.5) {
            r += 1;
        }
        return (int) (v < 0 ? -r : r);
    }

    private static float clamp(float v, int len) {
        return Math.min(Math.max(v, 0f), len - 1);
    }
}
