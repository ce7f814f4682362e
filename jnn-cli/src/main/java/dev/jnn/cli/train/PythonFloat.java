package dev.jnn.cli.train;

import java.math.BigDecimal;

/**
 * Python's {@code repr} of a float, so that files meant to match Keras's (history.csv) spell numbers
 * as Keras does: the shortest digits that round-trip (as Java's), but fixed notation for decimal
 * exponents -4 to 15 and {@code 1e-05} / {@code 1e+16} style outside, {@code nan}, {@code inf}.
 *
 * <pre>{@code
 * PythonFloat.repr(1e-4);   // "0.0001"  (Java: "1.0E-4")
 * PythonFloat.repr(1e-5);   // "1e-05"
 * }</pre>
 */
public final class PythonFloat {
    private PythonFloat() {
    }

    /** Python's {@code repr(x)}. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();   // x = digits[0].digits[1..] * 10^exponent
        String sign = x < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
