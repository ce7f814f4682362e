package dev.jnn.data;

import dev.jnn.tensor.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The NumPy {@code .npy} format: header parsing and element decoding, shared by {@link Npy} and
 * {@link Npz}.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, a major and a minor version byte, the header length
 * (uint16 little-endian for version 1, uint32 for versions 2 and 3), then an ASCII (UTF-8 for
 * version 3) Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}
 * padded with spaces and a newline, then the raw elements.
 */
final class NpyFormat {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy refuses headers above 10,000 bytes unless told otherwise; we allow more, but bounded. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private NpyFormat() {
    }

    /** Element kinds that can be decoded: NumPy's type character plus item size. */
    enum Kind {
        BOOL('b', 1), INT8('i', 1), INT16('i', 2), INT32('i', 4), INT64('i', 8),
        UINT8('u', 1), UINT16('u', 2), UINT32('u', 4), UINT64('u', 8),
        FLOAT16('f', 2), FLOAT32('f', 4), FLOAT64('f', 8);

        final char code;
        final int bytes;

        Kind(char code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        boolean isInteger() {
            return code != 'f';
        }

        static Kind of(char code, int bytes) {
            for (Kind k : values()) {
                if (k.code == code && k.bytes == bytes) {
                    return k;
                }
            }
            return null;
        }
    }

    /** A parsed header: element kind, byte order, Fortran order and shape. */
    record Header(Kind kind, ByteOrder order, boolean fortranOrder, int[] shape, long elements, int dataOffset) {
        long dataBytes() {
            return elements * kind.bytes;
        }
    }

    /**
     * Reads and parses the header from {@code in}, which must be positioned at the magic.
     *
     * @throws IllegalArgumentException naming {@code source} when the header is malformed
     * @throws IOException when {@code in} ends inside the header
     */
    static Header readHeader(InputStream in, String source) throws IOException {
        byte[] pre = in.readNBytes(10);
        if (pre.length < 8) {
            throw new IOException(source + ": truncated .npy file (" + pre.length + " bytes, no complete header)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre[i] != MAGIC[i]) {
                throw new IllegalArgumentException(source + ": not a .npy file (bad magic, expected \\x93NUMPY)");
            }
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        long headerLength;
        int prefix;
        if (major == 1) {
            if (pre.length < 10) {
                throw new IOException(source + ": truncated .npy header");
            }
            headerLength = (pre[8] & 0xff) | ((pre[9] & 0xff) << 8);
            prefix = 10;
        } else if (major == 2 || major == 3) {
            byte[] more = in.readNBytes(2);
            if (pre.length < 10 || more.length < 2) {
                throw new IOException(source + ": truncated .npy header");
            }
            headerLength = (pre[8] & 0xffL) | ((pre[9] & 0xffL) << 8) | ((more[0] & 0xffL) << 16)
                    | ((more[1] & 0xffL) << 24);
            prefix = 12;
        } else {
            throw new IllegalArgumentException(source + ": unsupported .npy format version " + major + "." + minor
                    + " (1.0, 2.0 and 3.0 are known)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException(source + ": .npy header length " + headerLength
                    + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw new IOException(source + ": truncated .npy header (" + text.length + " of " + headerLength
                    + " bytes)");
        }
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseDict(dict, source, prefix + (int) headerLength);
    }

    private static Header parseDict(String dict, String source, int dataOffset) {
        String descr = stringValue(dict, "descr", source);
        String fortran = rawValue(dict, "fortran_order", source);
        String shapeText = rawValue(dict, "shape", source);
        if (descr.length() < 2) {
            throw bad(source, "bad descr '" + descr + "'");
        }
        char orderChar = descr.charAt(0);
        String typeText = descr;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (orderChar == '<' || orderChar == '>' || orderChar == '|' || orderChar == '=') {
            typeText = descr.substring(1);
            order = orderChar == '>' ? ByteOrder.BIG_ENDIAN
                    : orderChar == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
        }
        Kind kind = null;
        if (typeText.length() >= 2) {
            try {
                kind = Kind.of(typeText.charAt(0), Integer.parseInt(typeText.substring(1)));
            } catch (NumberFormatException e) {
                kind = null;
            }
        } else if (typeText.equals("?")) {
            kind = Kind.BOOL;
        }
        if (kind == null) {
            throw bad(source, "unsupported dtype '" + descr + "' (supported: f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1)");
        }
        boolean fortranOrder = switch (fortran) {
            case "True" -> true;
            case "False" -> false;
            default -> throw bad(source, "fortran_order must be True or False, got '" + fortran + "'");
        };
        int[] shape = parseShape(shapeText, source);
        long elements = 1;
        for (int d : shape) {
            elements = elements * d;
            if (elements > Integer.MAX_VALUE) {
                throw bad(source, "shape " + shapeText + " has more than 2^31-1 elements");
            }
        }
        return new Header(kind, order, fortranOrder, shape, elements, dataOffset);
    }

    private static int[] parseShape(String text, String source) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            throw bad(source, "shape must be a tuple, got '" + text + "'");
        }
        String inner = text.substring(1, text.length() - 1).trim();
        List<Integer> dims = new ArrayList<>();
        if (!inner.isEmpty()) {
            String[] parts = inner.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.endsWith("L")) {
                    p = p.substring(0, p.length() - 1);    // Python 2 longs
                }
                if (p.isEmpty() && i == parts.length - 1 && i > 0) {
                    continue;                                  // trailing comma: (3,)
                }
                try {
                    int d = Integer.parseInt(p);
                    if (d < 0) {
                        throw bad(source, "negative dimension in shape '" + text + "'");
                    }
                    dims.add(d);
                } catch (NumberFormatException e) {
                    throw bad(source, "bad dimension '" + p + "' in shape '" + text + "'");
                }
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text of a quoted string value after {@code 'key':}. */
    private static String stringValue(String dict, String key, String source) {
        String raw = rawValue(dict, key, source);
        if (raw.length() < 2 || (raw.charAt(0) != '\'' && raw.charAt(0) != '"')
                || raw.charAt(raw.length() - 1) != raw.charAt(0)) {
            throw bad(source, "'" + key + "' must be a string, got " + raw);
        }
        return raw.substring(1, raw.length() - 1);
    }

    /** The raw text of the value after {@code 'key':}, up to the next top-level comma or brace. */
    private static String rawValue(String dict, String key, String source) {
        int at = dict.indexOf("'" + key + "'");
        if (at < 0) {
            at = dict.indexOf("\"" + key + "\"");
        }
        if (at < 0) {
            throw bad(source, "header has no '" + key + "' entry: " + dict.strip());
        }
        int colon = dict.indexOf(':', at + key.length() + 2);
        if (colon < 0) {
            throw bad(source, "header entry '" + key + "' has no value");
        }
        int i = colon + 1;
        int depth = 0;
        int start = i;
        for (; i < dict.length(); i++) {
            char c = dict.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if ((c == ',' || c == '}') && depth == 0) {
                break;
            }
        }
        if (depth != 0 || i >= dict.length()) {
            throw bad(source, "header entry '" + key + "' is not terminated: " + dict.strip());
        }
        return dict.substring(start, i).trim();
    }

    private static IllegalArgumentException bad(String source, String what) {
        return new IllegalArgumentException(source + ": malformed .npy header: " + what);
    }

    /** The row-major shape; Fortran-ordered data is reordered on decoding. */
    static Shape shapeOf(Header h) {
        return Shape.of(h.shape());
    }

    /** Decodes {@code h.elements()} values from {@code raw} to float32, reordered to row-major. */
    static float[] decodeFloats(Header h, byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(h.order());
        int n = (int) h.elements();
        float[] out = new float[n];
        switch (h.kind()) {
            case FLOAT32 -> b.asFloatBuffer().get(out);
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) element(h.kind(), b, i);
                }
            }
        }
        return h.fortranOrder() ? fromFortran(out, h.shape()) : out;
    }

    /** Decodes integer (or whole-valued float) elements; fractional or out-of-range values fail. */
    static int[] decodeInts(Header h, byte[] raw, String source) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(h.order());
        int n = (int) h.elements();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double v = element(h.kind(), b, i);
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(source + ": element " + i + " = " + v + " is not an int label");
            }
            out[i] = (int) v;
        }
        if (h.fortranOrder()) {
            int[] perm = fortranPermutation(h.shape());
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = out[perm[i]];
            }
            return r;
        }
        return out;
    }

    private static double element(Kind kind, ByteBuffer b, int i) {
        return switch (kind) {
            case BOOL -> b.get(i) != 0 ? 1 : 0;
            case INT8 -> b.get(i);
            case UINT8 -> b.get(i) & 0xff;
            case INT16 -> b.getShort(i * 2);
            case UINT16 -> b.getShort(i * 2) & 0xffff;
            case INT32 -> b.getInt(i * 4);
            case UINT32 -> b.getInt(i * 4) & 0xffffffffL;
            case INT64 -> (double) b.getLong(i * 8);
            case UINT64 -> {
                long v = b.getLong(i * 8);
                yield v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            case FLOAT16 -> Float.float16ToFloat(b.getShort(i * 2));
            case FLOAT32 -> b.getFloat(i * 4);
            case FLOAT64 -> b.getDouble(i * 8);
        };
    }

    private static float[] fromFortran(float[] f, int[] shape) {
        int[] perm = fortranPermutation(shape);
        float[] r = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            r[i] = f[perm[i]];
        }
        return r;
    }

    /** For each row-major index, the index of the same element in column-major storage. */
    private static int[] fortranPermutation(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        int rank = shape.length;
        int[] stride = new int[rank];          // column-major strides
        int s = 1;
        for (int k = 0; k < rank; k++) {
            stride[k] = s;
            s *= shape[k];
        }
        int[] idx = new int[rank];
        int[] perm = new int[n];
        int off = 0;
        for (int i = 0; i < n; i++) {
            perm[i] = off;
            for (int k = rank - 1; k >= 0; k--) {        // row-major odometer, last axis fastest
                idx[k]++;
                off += stride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                off -= stride[k] * idx[k];
                idx[k] = 0;
            }
        }
        return perm;
    }

    /** The version 1.0 header for a little-endian float32 C-order array of {@code shape}. */
    static byte[] float32Header(int[] shape) {
        StringBuilder sb = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(shape[i]).append(shape.length == 1 ? "," : (i < shape.length - 1 ? ", " : ""));
        }
        sb.append("), }");
        int total = MAGIC.length + 4 + sb.length() + 1;
        int pad = (64 - total % 64) % 64;             // data starts on a 64-byte boundary, as NumPy writes
        sb.append(" ".repeat(pad)).append('\n');
        int len = sb.length();
        byte[] out = new byte[10 + len];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (len & 0xff);
        out[9] = (byte) (len >>> 8);
        byte[] text = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, 10, len);
        return out;
    }
}
