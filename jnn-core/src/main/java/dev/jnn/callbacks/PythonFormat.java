package dev.jnn.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float formatting ({@code f"{x:.4f}"}, {@code f"{x:.4e}"}, {@code "%d" % x}, {@code repr(x)})
 * for the progress bar, callback messages and CSV logs, so jnn prints the same characters as Keras.
 *
 * <p>Java's {@link String#format} rounds half-up on a shortened decimal, while Python rounds the
 * exact binary value half-to-even ({@code f"{2.5:.0f}"} is {@code "2"}); both are reproduced here
 * by rounding the exact {@link BigDecimal} of the double. Python also prints {@code nan},
 * {@code inf} and a two-digit signed exponent ({@code 1.2345e-04}).
 */
public final class PythonFormat {
    private PythonFormat() {
    }

    /** {@code f"{x:.{digits}f}"}. */
    static String fixed(double x, int digits) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        String body = new BigDecimal(Math.abs(x)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return signOf(x) + body;
    }

    /** {@code f"{x:.{digits}e}"}. */
    static String scientific(double x, int digits) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        BigDecimal magnitude = new BigDecimal(Math.abs(x));
        int exponent = 0;
        BigDecimal mantissa = BigDecimal.ZERO.setScale(digits);
        if (magnitude.signum() != 0) {
            BigDecimal rounded = magnitude.round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
            // Exact after rounding: only moves the decimal point and pads zeros.
            mantissa = rounded.scaleByPowerOfTen(-exponent).setScale(digits, RoundingMode.UNNECESSARY);
        }
        String exponentDigits = String.valueOf(Math.abs(exponent));
        if (exponentDigits.length() < 2) {
            exponentDigits = "0" + exponentDigits;
        }
        return signOf(x) + mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
    }

    /** {@code "%d" % x} for a float: truncation toward zero. */
    static long truncate(double x) {
        return (long) x;
    }

    /** Python's {@code a // b} for floats (floor of the quotient, computed as CPython does). */
    static double floorDivide(double a, double b) {
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, a / b);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /** Python's {@code a % b} for floats (result has the sign of {@code b}). */
    static double modulo(double a, double b) {
        double mod = a % b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            mod += b;
        } else if (mod == 0) {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    /**
     * Python's {@code repr(x)} (and {@code str(x)}) of a float: the shortest digits that read back as
     * {@code x}, laid out as {@code 0.0001}, {@code 123.0}, {@code 1e-05}, {@code 1.5e+16}.
     *
     * <p>Java's {@link Double#toString} finds the same shortest digits (JDK 19+, but at least two) and
     * lays them out differently ({@code 1.0E-5}); the layout is redone here.
     */
    public static String repr(double x) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        if (x == 0) {
            return signOf(x) + "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        if (shortest.precision() == 2) {
            // Java always prints two digits (d.dE..) and picks the closest pair, which is not d.0 when a
            // single digit already reads back, as for 5e-324 (Java: 4.9E-324); Python prints that digit.
            BigDecimal oneDigit = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(oneDigit.toString()) == Math.abs(x)) {
                shortest = oneDigit.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        // Python's decpt: the value is 0.<digits> x 10^decpt.
        int decpt = digits.length() - shortest.scale();
        // CPython's float_repr_style "short" switches to an exponent outside 1e-4 <= |x| < 1e16.
        boolean exponent = decpt <= -4 || decpt > 16;
        return signOf(x) + (exponent ? scientificLayout(digits, decpt - 1) : fixedLayout(digits, decpt, true));
    }

    /** {@code digits} as {@code d.ddd} (or {@code d}) followed by Python's {@code e+XX} exponent. */
    static String scientificLayout(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + exponentSuffix(exponent, 'e');
    }

    /** Python's exponent suffix: the letter, a sign and at least two digits ({@code e-05}). */
    static String exponentSuffix(int exponent, char letter) {
        String magnitude = String.valueOf(Math.abs(exponent));
        return letter + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
    }

    /**
     * {@code 0.<digits> x 10^decpt} without an exponent: {@code 0.00ddd}, {@code dd.dd} or
     * {@code ddd00}, with {@code .0} appended to a whole number when {@code addDotZero}.
     */
    static String fixedLayout(String digits, int decpt, boolean addDotZero) {
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return digits + "0".repeat(decpt - digits.length()) + (addDotZero ? ".0" : "");
        }
        return digits.substring(0, decpt) + "." + digits.substring(decpt);
    }

    static String signOf(double x) {
        // Python keeps the sign of -0.0 and of negatives that round to zero ("-0.0000").
        return (Double.doubleToRawLongBits(x) < 0) ? "-" : "";
    }

    static String nonFinite(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return x > 0 ? "inf" : "-inf";
    }
}
