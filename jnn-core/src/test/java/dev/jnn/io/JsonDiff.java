package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The first difference between two JSON trees, key order included; numbers compare by value. */
final class JsonDiff {
    private JsonDiff() {
    }

    /** Null when equal, else "path: expected X, got Y". */
    static String diff(JsonNode expected, JsonNode actual) {
        return diff("$", expected, actual);
    }

    private static String diff(String path, JsonNode e, JsonNode a) {
        if (e == null || a == null) {
            return e == a ? null : path + ": expected " + e + ", got " + a;
        }
        if (e.isNumber() && a.isNumber()) {
            return e.asDouble() == a.asDouble() ? null : path + ": expected " + e + ", got " + a;
        }
        if (e.getNodeType() != a.getNodeType()) {
            return path + ": expected " + abbreviate(e) + ", got " + abbreviate(a);
        }
        if (e.isObject()) {
            List<String> ek = keys(e);
            List<String> ak = keys(a);
            if (!ek.equals(ak)) {
                return path + ": expected keys " + ek + ", got " + ak;
            }
            for (String k : ek) {
                String d = diff(path + "." + k, e.get(k), a.get(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isArray()) {
            if (e.size() != a.size()) {
                return path + ": expected " + e.size() + " elements " + abbreviate(e) + ", got " + a.size() + " "
                        + abbreviate(a);
            }
            for (int i = 0; i < e.size(); i++) {
                String d = diff(path + "[" + i + "]", e.get(i), a.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return e.equals(a) ? null : path + ": expected " + e + ", got " + a;
    }

    private static List<String> keys(JsonNode o) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = o.fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
