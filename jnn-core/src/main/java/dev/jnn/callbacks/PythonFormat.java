package dev.jnn.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float formatting ({@code f"{x:.4f}"}, {@code f"{x:.4e}"}, {@code "%d" % x}) for the
 * progress bar, so jnn prints the same characters as Keras.
 *
 * <p>Java's {@link String#format} rounds half-up on a shortened decimal, while Python rounds the
 * exact binary value half-to-even ({@code f"{2.5:.0f}"} is {@code "2"}); both are reproduced here
 * by rounding the exact {@link BigDecimal} of the double. Python also prints {@code nan},
 * {@code inf} and a two-digit signed exponent ({@code 1.2345e-04}).
 */
final class PythonFormat {
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
     * Python's {@code str} of a float for non-finite values ({@code nan}, {@code inf},
     * {@code -inf}); finite values keep Java's spelling, which only differs in the exponent form.
     */
    static String repr(double x) {
        return Double.isFinite(x) ? String.valueOf(x) : nonFinite(x);
    }

    private static String signOf(double x) {
        // Python keeps the sign of -0.0 and of negatives that round to zero ("-0.0000").
        return (Double.doubleToRawLongBits(x) < 0) ? "-" : "";
    }

    private static String nonFinite(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return x > 0 ? "inf" : "-inf";
    }
}
