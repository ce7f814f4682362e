package dev.jnn.kernels;

/**
 * One lane of {@link VectorMath}, in scalar code: the same float operations in the same order, so
 * each function returns exactly the bits the vector version gives in any lane.
 *
 * <p>Why: VectorElementwise runs the last {@code length mod width} values of an array here instead
 * of in masked vector lanes (masked loads and stores are slow on AVX2, and a second inlined copy of
 * the vector polynomial in the same method pushed C2 past its budget, so it boxed vectors). A value's
 * result must not depend on whether it lands in the lanes or in the tail: a batch cut into row tasks
 * gives every sample the bits of the uncut call only then. Java's float arithmetic is IEEE 754 with
 * round-to-nearest, as the vector lanes are, and no fused multiply-add is used on either side.
 */
final class LaneMath {
    // VectorMath's constants: compile-time constants, so using them loads no Vector API class.
    private static final float LOG2E = VectorMath.LOG2E;
    private static final float LN2_HIGH = VectorMath.LN2_HIGH;
    private static final float LN2_LOW = VectorMath.LN2_LOW;
    private static final float ROUNDING_MAGIC = VectorMath.ROUNDING_MAGIC;
    private static final float EXP_LOW = VectorMath.EXP_LOW;
    private static final float EXP_HIGH = VectorMath.EXP_HIGH;
    private static final int EXPONENT_BIAS = VectorMath.EXPONENT_BIAS;
    private static final int MANTISSA_BITS = VectorMath.MANTISSA_BITS;

    private LaneMath() {
    }

    /** {@link VectorMath#exp} on one value. */
    static float exp(float x) {
        float clamped = Math.min(Math.max(x, EXP_LOW), EXP_HIGH);
        float n = roundToInteger(clamped * LOG2E);
        float r = reduce(clamped, n);
        float p = expPolynomialTail(r) * (r * r) + r + 1f;
        int ni = (int) n;
        int half = ni >> 1;
        return p * powerOfTwo(half) * powerOfTwo(ni - half);
    }

    /** {@link VectorMath#expm1} on one value. */
    static float expm1(float x) {
        float clamped = Math.min(Math.max(x, -30f), 30f);
        float n = roundToInteger(clamped * LOG2E);
        float r = reduce(clamped, n);
        float q = expPolynomialTail(r) * (r * r) + r;
        float scale = powerOfTwo((int) n);
        return (scale - 1f) + scale * q;
    }

    /** {@link VectorMath#sigmoid} on one value. */
    static float sigmoid(float x) {
        float e = exp(-Math.abs(x));
        float numerator = x >= 0f ? 1f : e;
        return numerator / (e + 1f);
    }

    /** {@link VectorMath#tanh} on one value. */
    static float tanh(float x) {
        float a = Math.min(Math.abs(x), 10f);
        float m = expm1(a + a);
        float magnitude = m / (m + 2f);
        int sign = Float.floatToRawIntBits(x) & 0x80000000;
        return Float.intBitsToFloat(Float.floatToRawIntBits(magnitude) | sign);
    }

    private static float roundToInteger(float v) {
        return (v + ROUNDING_MAGIC) - ROUNDING_MAGIC;
    }

    private static float reduce(float x, float n) {
        return (x - n * LN2_HIGH) - n * LN2_LOW;
    }

    private static float expPolynomialTail(float r) {
        return ((((r * 1.9875691500E-4f + 1.3981999507E-3f)
                * r + 8.3334519073E-3f)
                * r + 4.1665795894E-2f)
                * r + 1.6666665459E-1f)
                * r + 5.0000001201E-1f;
    }

    private static float powerOfTwo(int n) {
        return Float.intBitsToFloat((n + EXPONENT_BIAS) << MANTISSA_BITS);
    }
}
