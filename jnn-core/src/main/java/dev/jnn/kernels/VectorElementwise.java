package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise kernels on the Vector API.
 *
 * <p>Layout and loop order: every operation walks its ranges front to back in steps of
 * {@code WIDTH} lanes of the preferred species (8 floats with AVX2, 16 with AVX-512), then handles
 * the last {@code length mod WIDTH} values without masked vector steps: the cheap kernels (relu,
 * slopes, bias, sums, axpy, ...) with a scalar loop doing the lane's float operations in the same
 * order, so a value gets the same bits wherever it sits; the kernels built on {@link VectorMath}
 * (exp, sigmoid, tanh, silu, elu) with the scalar twin, which agrees with the lanes to a few ulps.
 * Masked steps cost an allocation: when C2 inlines a kernel deep into a training step it gives up on
 * intrinsifying them (or on the second inlined copy of a VectorMath function) and boxes every
 * vector; on JDK 25 with AVX2 the XOR study's 4×1 sigmoid and its backward allocated 256 and 192
 * bytes a step that way. Row-wise operations (softmax, bias,
 * column sums) run that inner loop along each row of {@code cols} contiguous values, since rows
 * are contiguous and the per-row reductions (max, sum, dot) stay in one vector register.
 *
 * <p>Transcendentals come from {@link VectorMath} (float32, a few ulps). Softmax corrects the
 * rounding of {@code x - max}, keeps its row sum as a compensated (TwoSum) float pair per lane and
 * normalises in double, so its outputs are as close to the double result as the scalar twin's.
 * Other reductions (column sums, the softmax-backward dot product) accumulate in float lanes and are
 * summed across lanes at the end of each row. axpy, scale, add, multiply and
 * adam use the same float operations as {@link ScalarElementwise} in the same order, without fused
 * multiply-add, so they give bit-identical results; the others agree to a few ulps.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOATS;
    private static final int WIDTH = SPECIES.length();
    // Rows narrower than two vectors would run almost entirely in masked tails: the scalar twin is
    // faster. The last length mod WIDTH values of the VectorMath kernels run in LaneMath, which gives
    // the lanes' bits: a value's result must not depend on where it sits in the array (a batch cut
    // into row tasks at a row that is not a multiple of the width gets the bits of the whole).
    private static final Elementwise NARROW_ROWS = new ScalarElementwise();

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void relu(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).max(0f).intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = Math.max(x[xOffset + i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            reluSlope(FloatVector.fromArray(SPECIES, x, xOffset + i), FloatVector.fromArray(SPECIES, dy, dyOffset + i))
                    .intoArray(dx, dxOffset + i);
        }
        for (; i < length; i++) {
            dx[dxOffset + i] = x[xOffset + i] > 0f ? dy[dyOffset + i] : 0f;
        }
    }

    @Override
    public void sigmoid(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            VectorMath.sigmoid(v).intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = LaneMath.sigmoid(x[xOffset + i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                                int length) {
        Ranges.check("y", y, yOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            sigmoidSlope(FloatVector.fromArray(SPECIES, y, yOffset + i), FloatVector.fromArray(SPECIES, dy, dyOffset + i))
                    .intoArray(dx, dxOffset + i);
        }
        for (; i < length; i++) {
            float yi = y[yOffset + i];
            dx[dxOffset + i] = dy[dyOffset + i] * (yi * (-yi + 1f));
        }
    }

    @Override
    public void tanh(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            VectorMath.tanh(v).intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = LaneMath.tanh(x[xOffset + i]);
        }
    }

    @Override
    public void tanhBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length) {
        Ranges.check("y", y, yOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            tanhSlope(FloatVector.fromArray(SPECIES, y, yOffset + i), FloatVector.fromArray(SPECIES, dy, dyOffset + i))
                    .intoArray(dx, dxOffset + i);
        }
        for (; i < length; i++) {
            float yi = y[yOffset + i];
            dx[dxOffset + i] = dy[dyOffset + i] * ((-yi + 1f) * (yi + 1f));
        }
    }

    @Override
    public void silu(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            v.mul(VectorMath.sigmoid(v)).intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            float v = x[xOffset + i];
            y[yOffset + i] = v * LaneMath.sigmoid(v);
        }
    }

    @Override
    public void siluBackward(float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            var d = FloatVector.fromArray(SPECIES, dy, dyOffset + i);
            siluSlope(v, d).intoArray(dx, dxOffset + i);
        }
        for (; i < length; i++) {
            float v = x[xOffset + i];
            float s = LaneMath.sigmoid(v);
            dx[dxOffset + i] = dy[dyOffset + i] * (s * (v * (-s + 1f) + 1f));
        }
    }

    @Override
    public void elu(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            eluLanes(alpha, v).intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            float v = x[xOffset + i];
            y[yOffset + i] = v > 0f ? v : LaneMath.expm1(Math.min(v, 0f)) * alpha;
        }
    }

    @Override
    public void eluBackward(float alpha, float[] x, int xOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                            int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("dy", dy, dyOffset, length);
        Ranges.check("dx", dx, dxOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            var d = FloatVector.fromArray(SPECIES, dy, dyOffset + i);
            eluSlope(alpha, v, d).intoArray(dx, dxOffset + i);
        }
        for (; i < length; i++) {
            float v = x[xOffset + i];
            float d = dy[dyOffset + i];
            dx[dxOffset + i] = v > 0f ? d : LaneMath.exp(Math.min(v, 0f)) * alpha * d;
        }
    }

    @Override
    public void exp(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            VectorMath.exp(v).intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = LaneMath.exp(x[xOffset + i]);
        }
    }

    @Override
    public void log(float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        for (int i = 0; i < length; i += WIDTH) {
            var lanes = SPECIES.indexInRange(i, length);
            var v = FloatVector.fromArray(SPECIES, x, xOffset + i, lanes);
            var regular = VectorMath.logDomain(v).and(lanes);
            VectorMath.log(v).intoArray(y, yOffset + i, regular);
            if (!regular.or(lanes.not()).allTrue()) {
                // A zero, negative, subnormal, infinite or NaN input: rare, so that lane goes through
                // Math.log, which gets every special case right; its neighbours keep their lane result.
                for (int j = i; j < Math.min(i + WIDTH, length); j++) {
                    if (!regular.laneIsSet(j - i)) {
                        y[yOffset + j] = (float) Math.log(x[xOffset + j]);
                    }
                }
            }
        }
    }

    @Override
    public void softmaxRows(float[] x, int xOffset, float[] y, int yOffset, int rows, int cols) {
        if (cols < 2 * WIDTH) {
            NARROW_ROWS.softmaxRows(x, xOffset, y, yOffset, rows, cols);
            return;
        }
        int size = Ranges.block(rows, cols);
        Ranges.check("x", x, xOffset, size);
        Ranges.check("y", y, yOffset, size);
        int bound = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int in = xOffset + r * cols;
            int out = yOffset + r * cols;
            var maxLanes = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
            int c = 0;
            for (; c < bound; c += WIDTH) {
                maxLanes = maxLanes.max(FloatVector.fromArray(SPECIES, x, in + c));
            }
            VectorMask<Float> tail = SPECIES.indexInRange(c, cols);
            if (c < cols) {
                maxLanes = maxLanes.lanewise(VectorOperators.MAX, FloatVector.fromArray(SPECIES, x, in + c, tail), tail);
            }
            float max = maxLanes.reduceLanes(VectorOperators.MAX);

            // The row sum is kept as an unevaluated float pair per lane (TwoSum), then summed in
            // double: its rounding would scale the whole row by the same (1 + ε), which is exactly
            // the kind of error a gradient check of Σ dy·y notices.
            var sumHigh = FloatVector.zero(SPECIES);
            var sumLow = FloatVector.zero(SPECIES);
            for (c = 0; c < bound; c += WIDTH) {
                var e = shiftedExp(FloatVector.fromArray(SPECIES, x, in + c), max);
                e.intoArray(y, out + c);
                var total = sumHigh.add(e);
                var ePart = total.sub(sumHigh);
                var highPart = total.sub(ePart);
                sumLow = sumLow.add(e.sub(ePart)).add(sumHigh.sub(highPart));
                sumHigh = total;
            }
            if (c < cols) {
                var e = FloatVector.zero(SPECIES).blend(shiftedExp(FloatVector.fromArray(SPECIES, x, in + c, tail), max),
                        tail);
                e.intoArray(y, out + c, tail);
                var total = sumHigh.add(e);
                var ePart = total.sub(sumHigh);
                var highPart = total.sub(ePart);
                sumLow = sumLow.add(e.sub(ePart)).add(sumHigh.sub(highPart));
                sumHigh = total;
            }
            // lane(i) with a variable i is not intrinsified (it boxes): reduce each half instead.
            double sum = (double) sumHigh.reduceLanes(VectorOperators.ADD) + sumLow.reduceLanes(VectorOperators.ADD);
            // Normalise in double: y = e · (1 / sum) rounded once. A float quotient (or a float
            // reciprocal) is off by an ulp now and then, which on the row's largest probability is
            // enough to move Σ dy·y by more than a float32 gradient check tolerates. This plain loop
            // is cheap next to the exps above. Only y is read from here on, so y may be x.
            double inverse = 1.0 / sum;
            for (c = 0; c < cols; c++) {
                y[out + c] = (float) (y[out + c] * inverse);
            }
        }
    }

    @Override
    public void softmaxRowsBackward(float[] y, int yOffset, float[] dy, int dyOffset, float[] dx, int dxOffset,
                                    int rows, int cols) {
        if (cols < 2 * WIDTH) {
            NARROW_ROWS.softmaxRowsBackward(y, yOffset, dy, dyOffset, dx, dxOffset, rows, cols);
            return;
        }
        int size = Ranges.block(rows, cols);
        Ranges.check("y", y, yOffset, size);
        Ranges.check("dy", dy, dyOffset, size);
        Ranges.check("dx", dx, dxOffset, size);
        int bound = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int yRow = yOffset + r * cols;
            int dyRow = dyOffset + r * cols;
            int dxRow = dxOffset + r * cols;
            var dotLanes = FloatVector.zero(SPECIES);
            int c = 0;
            for (; c < bound; c += WIDTH) {
                dotLanes = dotLanes.add(FloatVector.fromArray(SPECIES, dy, dyRow + c)
                        .mul(FloatVector.fromArray(SPECIES, y, yRow + c)));
            }
            VectorMask<Float> tail = SPECIES.indexInRange(c, cols);
            if (c < cols) {
                // Masked-off lanes load as 0, so they add nothing.
                dotLanes = dotLanes.add(FloatVector.fromArray(SPECIES, dy, dyRow + c, tail)
                        .mul(FloatVector.fromArray(SPECIES, y, yRow + c, tail)));
            }
            float dot = dotLanes.reduceLanes(VectorOperators.ADD);
            for (c = 0; c < bound; c += WIDTH) {
                FloatVector.fromArray(SPECIES, dy, dyRow + c).sub(dot)
                        .mul(FloatVector.fromArray(SPECIES, y, yRow + c)).intoArray(dx, dxRow + c);
            }
            if (c < cols) {
                FloatVector.fromArray(SPECIES, dy, dyRow + c, tail).sub(dot)
                        .mul(FloatVector.fromArray(SPECIES, y, yRow + c, tail)).intoArray(dx, dxRow + c, tail);
            }
        }
    }

    @Override
    public void addBiasRows(float[] bias, int biasOffset, float[] y, int yOffset, int rows, int cols) {
        int size = Ranges.block(rows, cols);
        Ranges.check("bias", bias, biasOffset, cols);
        Ranges.check("y", y, yOffset, size);
        int bound = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = yOffset + r * cols;
            int c = 0;
            for (; c < bound; c += WIDTH) {
                FloatVector.fromArray(SPECIES, y, row + c).add(FloatVector.fromArray(SPECIES, bias, biasOffset + c))
                        .intoArray(y, row + c);
            }
            for (; c < cols; c++) {
                y[row + c] = y[row + c] + bias[biasOffset + c];
            }
        }
    }

    @Override
    public void columnSums(float[] x, int xOffset, float[] sums, int sumsOffset, int rows, int cols,
                           boolean accumulate) {
        int size = Ranges.block(rows, cols);
        Ranges.check("x", x, xOffset, size);
        Ranges.check("sums", sums, sumsOffset, cols);
        if (!accumulate) {
            java.util.Arrays.fill(sums, sumsOffset, sumsOffset + cols, 0f);
        }
        // Row by row: each row adds one contiguous vector per column block into the sums, which for
        // a bias (a few hundred columns) stay in L1.
        int bound = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = xOffset + r * cols;
            int c = 0;
            for (; c < bound; c += WIDTH) {
                FloatVector.fromArray(SPECIES, sums, sumsOffset + c).add(FloatVector.fromArray(SPECIES, x, row + c))
                        .intoArray(sums, sumsOffset + c);
            }
            for (; c < cols; c++) {
                sums[sumsOffset + c] = sums[sumsOffset + c] + x[row + c];
            }
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).mul(alpha).add(FloatVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = x[xOffset + i] * alpha + y[yOffset + i];
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        Ranges.check("x", x, xOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).mul(alpha).intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = x[xOffset + i] * alpha;
        }
    }

    @Override
    public void add(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length) {
        Ranges.check("a", a, aOffset, length);
        Ranges.check("b", b, bOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            FloatVector.fromArray(SPECIES, a, aOffset + i).add(FloatVector.fromArray(SPECIES, b, bOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    @Override
    public void multiply(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length) {
        Ranges.check("a", a, aOffset, length);
        Ranges.check("b", b, bOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            FloatVector.fromArray(SPECIES, a, aOffset + i).mul(FloatVector.fromArray(SPECIES, b, bOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < length; i++) {
            y[yOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    @Override
    public void multiplyAdd(float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length) {
        Ranges.check("a", a, aOffset, length);
        Ranges.check("b", b, bOffset, length);
        Ranges.check("y", y, yOffset, length);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            FloatVector.fromArray(SPECIES, a, aOffset + i).mul(FloatVector.fromArray(SPECIES, b, bOffset + i))
                    .add(FloatVector.fromArray(SPECIES, y, yOffset + i)).intoArray(y, yOffset + i);
        }
        if (i < length) {
            var tail = SPECIES.indexInRange(i, length);
            FloatVector.fromArray(SPECIES, a, aOffset + i, tail).mul(FloatVector.fromArray(SPECIES, b, bOffset + i, tail))
                    .add(FloatVector.fromArray(SPECIES, y, yOffset + i, tail)).intoArray(y, yOffset + i, tail);
        }
    }

    @Override
    public boolean allFinite(float[] x, int offset, int length) {
        Ranges.check("x", x, offset, length);
        // x·0 is 0 for a finite x and NaN for NaN or ±infinity, so the running sum stays 0 exactly
        // when every value is finite; no branch per element.
        var acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += WIDTH) {
            acc = acc.add(FloatVector.fromArray(SPECIES, x, offset + i).mul(0f));
        }
        float tail = 0f;
        for (; i < length; i++) {
            tail += x[offset + i] * 0f;
        }
        return acc.reduceLanes(VectorOperators.ADD) + tail == 0f;
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int offset, int length,
                     float alpha, float oneMinusBeta1, float oneMinusBeta2, float epsilon) {
        Ranges.check("w", w, offset, length);
        Ranges.check("g", g, offset, length);
        Ranges.check("m", m, offset, length);
        Ranges.check("v", v, offset, length);
        int end = offset + length;
        int i = offset;
        for (int bound = offset + SPECIES.loopBound(length); i < bound; i += WIDTH) {
            var gi = FloatVector.fromArray(SPECIES, g, i);
            var mi = FloatVector.fromArray(SPECIES, m, i);
            var vi = FloatVector.fromArray(SPECIES, v, i);
            mi = mi.add(gi.sub(mi).mul(oneMinusBeta1));
            vi = vi.add(gi.mul(gi).sub(vi).mul(oneMinusBeta2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector.fromArray(SPECIES, w, i).sub(mi.mul(alpha).div(vi.sqrt().add(epsilon))).intoArray(w, i);
        }
        // A scalar tail, written exactly as ScalarElementwise so the results stay bit-identical.
        for (; i < end; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            v[i] += (gi * gi - v[i]) * oneMinusBeta2;
            w[i] -= m[i] * alpha / ((float) Math.sqrt(v[i]) + epsilon);
        }
    }

    /**
     * {@code exp(x - max)} as accurate as if {@code x - max} were exact: the float subtraction's
     * rounding error {@code lo} (recovered exactly with Knuth's TwoSum) is up to |x - max|·2⁻²⁵, which
     * exp would turn into the same relative error (2e-6 at a gap of 30); {@code e + e·lo} puts it
     * back. Where the gap is infinite lo is NaN and is dropped, so exp(-∞) stays 0.
     */
    private static FloatVector shiftedExp(FloatVector x, float max) {
        float negMax = -max;
        var d = x.add(negMax);
        var xPart = d.sub(negMax);
        var maxPart = d.sub(xPart);
        var lo = x.sub(xPart).add(maxPart.neg().add(negMax));
        lo = lo.blend(0f, lo.test(VectorOperators.IS_FINITE).not());
        var e = VectorMath.exp(d);
        return e.add(e.mul(lo));
    }

    /** {@code x > 0 ? dy : 0}; a NaN input compares false and gives 0, as in the scalar twin. */
    private static FloatVector reluSlope(FloatVector x, FloatVector dy) {
        return FloatVector.zero(SPECIES).blend(dy, x.compare(VectorOperators.GT, 0f));
    }

    private static FloatVector sigmoidSlope(FloatVector y, FloatVector dy) {
        return dy.mul(y.mul(y.neg().add(1f)));
    }

    /** {@code dy · (1 - y)(1 + y)}: unlike {@code 1 - y²} this keeps its relative accuracy as |y| → 1. */
    private static FloatVector tanhSlope(FloatVector y, FloatVector dy) {
        return dy.mul(y.neg().add(1f).mul(y.add(1f)));
    }

    private static FloatVector siluSlope(FloatVector x, FloatVector dy) {
        var s = VectorMath.sigmoid(x);
        return dy.mul(s.mul(x.mul(s.neg().add(1f)).add(1f)));
    }

    private static FloatVector eluLanes(float alpha, FloatVector x) {
        var positive = x.compare(VectorOperators.GT, 0f);
        return VectorMath.expm1(x.min(0f)).mul(alpha).blend(x, positive);
    }

    private static FloatVector eluSlope(float alpha, FloatVector x, FloatVector dy) {
        var positive = x.compare(VectorOperators.GT, 0f);
        return VectorMath.exp(x.min(0f)).mul(alpha).mul(dy).blend(dy, positive);
    }
}
