package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code exp}, {@code expm1}, {@code log}, {@code sigmoid} and {@code tanh} on every lane of a
 * {@link FloatVector}, in float32, for {@link VectorElementwise}.
 *
 * <p>Method: the Cephes single-precision algorithms. {@code exp(x) = 2ⁿ · p(r)} with
 * {@code n = round(x / ln 2)} and {@code r = x - n·ln 2} (ln 2 split in two constants so {@code n·C1}
 * is exact), {@code |r| <= ln(2)/2}, and {@code p} a degree-7 polynomial; {@code 2ⁿ} is built from
 * exponent bits in two halves so results that are subnormal or overflow come out right (0 or +∞
 * without NaN). {@code log} splits {@code x = 2ᵉ · m} with {@code m ∈ [√½, √2)} and uses a degree-9
 * polynomial in {@code m - 1}. Polynomials use separate multiply and add, not {@code fma}: a CPU
 * without FMA would make the Vector API's fma emulate each lane very slowly, and the errors below
 * hold without it (relative error against a double reference, measured in the tests):
 * exp ≤ 2 ulp, tanh and sigmoid ≤ 2e-7, log ≤ 1 ulp-ish absolute near 1.
 *
 * <p>Every function takes and returns vectors as values; nothing is stored in fields, and the
 * constants are scalars the JIT broadcasts once per loop.
 */
final class VectorMath {
    static final float LOG2E = 1.44269504088896341f;
    /** ln 2 = C1 + C2 with C1 = 0.693359375 = 355/512 exact in 9 bits, so n·C1 is exact for |n| < 2¹⁵. */
    static final float LN2_HIGH = 0.693359375f;
    static final float LN2_LOW = -2.12194440e-4f;
    /** Adding then subtracting 1.5·2²³ rounds a float of magnitude below 2²² to the nearest integer. */
    static final float ROUNDING_MAGIC = 12582912f;
    /** exp is 0 below about -103.97 and +∞ above about 88.72; clamping keeps n in the int range we scale by. */
    static final float EXP_LOW = -110f;
    static final float EXP_HIGH = 100f;
    private static final float SQRT_HALF = 0.707106781186547524f;
    static final int EXPONENT_BIAS = 127;
    static final int MANTISSA_BITS = 23;

    private VectorMath() {
    }

    /** {@code e^x} lane by lane; NaN stays NaN. */
    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(EXP_LOW).min(EXP_HIGH);
        FloatVector n = roundToInteger(clamped.mul(LOG2E));
        FloatVector r = reduce(clamped, n);
        FloatVector p = expPolynomialTail(r).mul(r.mul(r)).add(r).add(1f);
        // 2ⁿ in two factors, each a normal float for n in [-159, 145], so p·2^h stays normal and
        // the single rounding into the subnormal range (or to +∞) happens in the last product.
        IntVector ni = (IntVector) n.convert(VectorOperators.F2I, 0);
        IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
        return p.mul(powerOfTwo(half)).mul(powerOfTwo(ni.sub(half)));
    }

    /**
     * {@code e^x - 1} without the cancellation of {@code exp(x) - 1} near 0, for {@code |x| <= 30}
     * (larger inputs are clamped: callers use it for elu's negative side and for tanh of a bounded
     * argument). Written as {@code (2ⁿ - 1) + 2ⁿ·q(r)} with {@code q(r) = e^r - 1}: for n = 0 that is
     * q itself, and {@code 2ⁿ - 1} is exact for every n reached.
     */
    static FloatVector expm1(FloatVector x) {
        FloatVector clamped = x.max(-30f).min(30f);
        FloatVector n = roundToInteger(clamped.mul(LOG2E));
        FloatVector r = reduce(clamped, n);
        FloatVector q = expPolynomialTail(r).mul(r.mul(r)).add(r);
        FloatVector scale = powerOfTwo((IntVector) n.convert(VectorOperators.F2I, 0));
        return scale.sub(1f).add(scale.mul(q));
    }

    /**
     * {@code ln x} for lanes holding positive normal finite floats. Zero, negative, subnormal,
     * infinite and NaN lanes give meaningless values: callers check {@link #logDomain} first and
     * treat such chunks in scalar code.
     */
    static FloatVector log(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        // x = 2^(e) · m with m in [0.5, 1): the exponent field minus 126, the mantissa with exponent -1.
        FloatVector e = (FloatVector) bits.lanewise(VectorOperators.LSHR, MANTISSA_BITS).sub(EXPONENT_BIAS - 1)
                .convert(VectorOperators.I2F, 0);
        FloatVector m = bits.and(0x007FFFFF).or(0x3F000000).reinterpretAsFloats();
        // Move m into [√½, √2) so that f = m - 1 is small on both sides of 0; both subtractions are exact.
        var small = m.compare(VectorOperators.LT, SQRT_HALF);
        e = e.sub(1f, small);
        FloatVector f = m.add(m, small).sub(1f);
        FloatVector z = f.mul(f);
        FloatVector poly = f.mul(7.0376836292E-2f).add(-1.1514610310E-1f)
                .mul(f).add(1.1676998740E-1f)
                .mul(f).add(-1.2420140846E-1f)
                .mul(f).add(1.4249322787E-1f)
                .mul(f).add(-1.6668057665E-1f)
                .mul(f).add(2.0000714765E-1f)
                .mul(f).add(-2.4999993993E-1f)
                .mul(f).add(3.3333331174E-1f);
        FloatVector y = poly.mul(f).mul(z)
                .add(e.mul(LN2_LOW))
                .sub(z.mul(0.5f));
        return f.add(y).add(e.mul(LN2_HIGH));
    }

    /** Lanes where {@link #log} is valid: {@code MIN_NORMAL <= x <= MAX_VALUE} (false for NaN). */
    static VectorMask<Float> logDomain(FloatVector x) {
        return x.compare(VectorOperators.GE, Float.MIN_NORMAL).and(x.compare(VectorOperators.LE, Float.MAX_VALUE));
    }

    /**
     * {@code 1 / (1 + e^-x)}, from {@code e = exp(-|x|)} so nothing overflows: {@code 1 / (1 + e)} for
     * {@code x >= 0} and {@code e / (1 + e)} for {@code x < 0}, one division either way.
     */
    static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector numerator = e.blend(1f, x.compare(VectorOperators.GE, 0f));
        return numerator.div(e.add(1f));
    }

    /**
     * {@code tanh(x) = sign(x) · m / (m + 2)} with {@code m = expm1(2|x|)}: no cancellation near 0
     * (there {@code m ≈ 2|x|}, so the result ≈ x to rounding) and no overflow (|x| is clamped at 10,
     * where tanh is 1 in float). The sign is copied as a bit, so -0 stays -0.
     */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs().min(10f);
        FloatVector m = expm1(a.add(a));
        FloatVector magnitude = m.div(m.add(2f));
        IntVector sign = x.reinterpretAsInts().and(0x80000000);
        return magnitude.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    /** Nearest integer (ties to even) of lanes with magnitude below 2²², as floats. */
    private static FloatVector roundToInteger(FloatVector v) {
        return v.add(ROUNDING_MAGIC).sub(ROUNDING_MAGIC);
    }

    /** {@code r = x - n·ln 2} with ln 2 in two parts, so r keeps its low bits for |n| up to ~150. */
    private static FloatVector reduce(FloatVector x, FloatVector n) {
        return x.sub(n.mul(LN2_HIGH)).sub(n.mul(LN2_LOW));
    }

    /** Cephes expf's {@code P(r)} with {@code e^r ≈ 1 + r + r²·P(r)} on {@code |r| <= ln(2)/2}. */
    private static FloatVector expPolynomialTail(FloatVector r) {
        return r.mul(1.9875691500E-4f).add(1.3981999507E-3f)
                .mul(r).add(8.3334519073E-3f)
                .mul(r).add(4.1665795894E-2f)
                .mul(r).add(1.6666665459E-1f)
                .mul(r).add(5.0000001201E-1f);
    }

    /** {@code 2ⁿ} for {@code -126 <= n <= 127}, from the exponent field. */
    private static FloatVector powerOfTwo(IntVector n) {
        return n.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, MANTISSA_BITS).reinterpretAsFloats();
    }
}
