package dev.jnn.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * One format spec of Python's mini-language ({@code 02d}, {@code .2f}, {@code >10.3e}, ...) applied to
 * an integer, a float or a string as Python's {@code format(value, spec)} does, so that file names
 * such as ModelCheckpoint's {@code "{epoch:02d}-{val_loss:.2f}.keras"} come out as in Keras.
 *
 * <p>Grammar: {@code [[fill]align][sign][#][0][width][.precision][type]}; types {@code d x X o b}
 * (integers), {@code e E f F g G %} and none (numbers), {@code s} (strings). Grouping ({@code ,}
 * {@code _}), {@code z} and the types {@code n} and {@code c} are refused. Floats are rounded from
 * their exact binary value, half to even, as CPython does.
 */
final class FormatSpec {
    private static final String ALIGNS = "<>=^";

    private final String spec;
    private final char fill;        // 0: not given
    private final char align;       // 0: not given
    private final char sign;        // 0: not given, else '+', '-' or ' '
    private final boolean alternate;
    private final boolean zeroPad;
    private final int width;        // -1: not given
    private final int precision;    // -1: not given
    private final char type;        // 0: not given

    private FormatSpec(String spec, char fill, char align, char sign, boolean alternate, boolean zeroPad, int width,
                       int precision, char type) {
        this.spec = spec;
        this.fill = fill;
        this.align = align;
        this.sign = sign;
        this.alternate = alternate;
        this.zeroPad = zeroPad;
        this.width = width;
        this.precision = precision;
        this.type = type;
    }

    /**
     * Parses {@code spec} (the part after the colon of a replacement field).
     *
     * @throws IllegalArgumentException on a spec Python rejects or jnn does not support
     */
    static FormatSpec parse(String spec) {
        int n = spec.length();
        int i = 0;
        char fill = 0;
        char align = 0;
        if (n >= 2 && ALIGNS.indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if (n >= 1 && ALIGNS.indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
        }
        if (i < n && spec.charAt(i) == 'z') {
            throw unsupported(spec, "the 'z' option");
        }
        boolean alternate = i < n && spec.charAt(i) == '#';
        if (alternate) {
            i++;
        }
        boolean zeroPad = i < n && spec.charAt(i) == '0';
        if (zeroPad) {
            i++;
        }
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        int width = i > start ? Integer.parseInt(spec.substring(start, i)) : -1;
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            throw unsupported(spec, "digit grouping ('" + spec.charAt(i) + "')");
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("format spec '" + spec + "': Format specifier missing precision");
            }
            precision = Integer.parseInt(spec.substring(start, i));
        }
        char type = 0;
        if (i < n) {
            type = spec.charAt(i++);
            if (type == 'n' || type == 'c') {
                throw unsupported(spec, "the type '" + type + "'");
            }
            if ("dxXobeEfFgG%s".indexOf(type) < 0) {
                throw new IllegalArgumentException("format spec '" + spec + "': Unknown format code '" + type + "'");
            }
        }
        if (i < n) {
            throw new IllegalArgumentException("format spec '" + spec + "': Invalid format specifier");
        }
        return new FormatSpec(spec, fill, align, sign, alternate, zeroPad, width, precision, type);
    }

    /**
     * {@code format(value, spec)} for an {@link Integer} or {@link Long} (a Python int), a
     * {@link Double} or {@link Float} (a Python float) or a {@link String}.
     *
     * @throws IllegalArgumentException when Python would raise (e.g. {@code d} on a float)
     */
    String format(Object value) {
        return switch (value) {
            case Integer i -> formatInteger(i);
            case Long l -> formatInteger(l);
            case Double d -> formatFloat(d);
            case Float f -> formatFloat(f);
            case String s -> formatString(s);
            default -> throw new IllegalArgumentException("format spec '" + spec + "': cannot format a "
                    + value.getClass().getSimpleName() + " (" + value + ")");
        };
    }

    private String formatInteger(long value) {
        int radix;
        String prefix = "";
        switch (type) {
            case 0, 'd' -> radix = 10;
            case 'x', 'X' -> {
                radix = 16;
                prefix = alternate ? "0" + type : "";
            }
            case 'o' -> {
                radix = 8;
                prefix = alternate ? "0o" : "";
            }
            case 'b' -> {
                radix = 2;
                prefix = alternate ? "0b" : "";
            }
            case 's' -> throw unknownCode("int");
            default -> {
                // Python formats an int with a float type as the float of the same value.
                return formatFloat((double) value);
            }
        }
        if (precision >= 0) {
            throw new IllegalArgumentException("format spec '" + spec + "': Precision not allowed in integer format "
                    + "specifier");
        }
        String digits = Long.toString(value, radix);
        if (value < 0) {
            digits = digits.substring(1);
        }
        if (type == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        return pad(signPrefix(value < 0) + prefix, digits, '>');
    }

    private String formatFloat(double value) {
        if (type != 0 && "eEfFgG%".indexOf(type) < 0) {
            throw unknownCode("float");
        }
        boolean negative = !Double.isNaN(value) && Double.doubleToRawLongBits(value) < 0;
        double magnitude = Math.abs(value);
        boolean upper = type == 'F' || type == 'E' || type == 'G';
        String body;
        if (!Double.isFinite(magnitude)) {
            body = PythonFormat.nonFinite(magnitude);
            body = (upper ? body.toUpperCase(Locale.ROOT) : body) + (type == '%' ? "%" : "");
        } else {
            body = switch (type) {
                case 0 -> precision < 0 ? PythonFormat.repr(magnitude) : general(magnitude, precision, true);
                case 'f', 'F' -> fixed(magnitude, precision < 0 ? 6 : precision);
                case '%' -> fixed(magnitude * 100, precision < 0 ? 6 : precision) + "%";
                case 'e', 'E' -> scientific(magnitude, precision < 0 ? 6 : precision, upper ? 'E' : 'e');
                default -> general(magnitude, precision < 0 ? 6 : precision, false);   // g, G
            };
            if (type == 'G') {
                body = body.toUpperCase(Locale.ROOT);
            }
        }
        return pad(signPrefix(negative), body, '>');
    }

    private String formatString(String value) {
        if (sign != 0) {
            throw new IllegalArgumentException("format spec '" + spec + "': Sign not allowed in string format specifier");
        }
        if (alternate) {
            throw new IllegalArgumentException("format spec '" + spec + "': Alternate form (#) not allowed in string "
                    + "format specifier");
        }
        if (align == '=') {
            throw new IllegalArgumentException("format spec '" + spec + "': '=' alignment not allowed in string format "
                    + "specifier");
        }
        if (type != 0 && type != 's') {
            throw unknownCode("str");
        }
        String body = precision >= 0 && precision < value.length() ? value.substring(0, precision) : value;
        return pad("", body, '<');
    }

    /** {@code f} format of a non-negative finite value. */
    private String fixed(double magnitude, int digits) {
        String body = new BigDecimal(magnitude).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return alternate && digits == 0 ? body + "." : body;
    }

    /** {@code e} format of a non-negative finite value. */
    private String scientific(double magnitude, int digits, char letter) {
        String significant = "0".repeat(digits + 1);
        int exponent = 0;
        if (magnitude != 0) {
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
            String unscaled = rounded.unscaledValue().toString();
            significant = (unscaled + "0".repeat(digits + 1)).substring(0, digits + 1);
        }
        String fraction = significant.substring(1);
        String point = digits > 0 || alternate ? "." : "";
        return significant.charAt(0) + point + fraction + PythonFormat.exponentSuffix(exponent, letter);
    }

    /**
     * {@code g} format of a non-negative finite value; with {@code addDotZero} the variant Python uses
     * when the type is omitted but a precision is given (a whole number keeps {@code .0}, and the
     * exponent form starts one digit earlier).
     */
    private String general(double magnitude, int digits, boolean addDotZero) {
        int significantDigits = digits == 0 ? 1 : digits;
        String significant = "0";
        int exponent = 0;
        if (magnitude != 0) {
            BigDecimal rounded = new BigDecimal(magnitude)
                    .round(new MathContext(significantDigits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            significant = rounded.unscaledValue().toString();
            exponent = significant.length() - rounded.scale() - 1;
        }
        if (alternate && significant.length() < significantDigits) {
            significant = significant + "0".repeat(significantDigits - significant.length());
        }
        // CPython's format_float_short: an exponent when decpt <= -4 or decpt > precision (- 1 with add_dot_0).
        int limit = addDotZero ? significantDigits - 1 : significantDigits;
        if (exponent < -4 || exponent >= limit) {
            String mantissa = significant.length() > 1 ? significant.charAt(0) + "." + significant.substring(1)
                    : significant + (alternate ? "." : "");
            return mantissa + PythonFormat.exponentSuffix(exponent, 'e');
        }
        String body = PythonFormat.fixedLayout(significant, exponent + 1, false);
        if (body.indexOf('.') < 0 && (addDotZero || alternate)) {
            body += addDotZero ? ".0" : ".";
        }
        return body;
    }

    private String signPrefix(boolean negative) {
        if (negative) {
            return "-";
        }
        return sign == '+' ? "+" : sign == ' ' ? " " : "";
    }

    /** Pads {@code prefix + body} to the width: {@code =} puts the padding between them. */
    private String pad(String prefix, String body, char defaultAlign) {
        int padding = width - prefix.length() - body.length();
        if (padding <= 0) {
            return prefix + body;
        }
        // A '0' before the width means fill '0' and, unless an alignment is given, '=' (sign-aware).
        char how = align != 0 ? align : zeroPad && defaultAlign == '>' ? '=' : defaultAlign;
        String filler = String.valueOf(fill != 0 ? fill : zeroPad ? '0' : ' ');
        return switch (how) {
            case '<' -> prefix + body + filler.repeat(padding);
            case '^' -> filler.repeat(padding / 2) + prefix + body + filler.repeat(padding - padding / 2);
            case '=' -> prefix + filler.repeat(padding) + body;
            default -> filler.repeat(padding) + prefix + body;
        };
    }

    private IllegalArgumentException unknownCode(String pythonType) {
        return new IllegalArgumentException("format spec '" + spec + "': Unknown format code '" + type
                + "' for object of type '" + pythonType + "'");
    }

    private static IllegalArgumentException unsupported(String spec, String what) {
        return new IllegalArgumentException("format spec '" + spec + "': " + what + " is not supported");
    }
}
