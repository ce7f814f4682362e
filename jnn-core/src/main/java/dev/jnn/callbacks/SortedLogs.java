package dev.jnn.callbacks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's order of log keys ({@code pythonify_logs} sorts them: {@code accuracy} before {@code loss},
 * {@code val_} keys after them) in a fresh, mutable map that callbacks may add keys to.
 *
 * <p>Logs are built once per batch or epoch, usually already in that order (the trainer sorts its
 * keys), so the order is checked first and the TreeMap only built when some key is out of place: a
 * silent fit of a small model spends a good part of its epoch on these copies otherwise.
 */
public final class SortedLogs {
    private SortedLogs() {
    }

    /** A new LinkedHashMap with the entries of {@code logs} (null for none), keys in natural order. */
    public static Map<String, Double> copy(Map<String, Double> logs) {
        if (logs == null || logs.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return new LinkedHashMap<>(inOrder(logs) ? logs : new TreeMap<>(logs));
    }

    private static boolean inOrder(Map<String, Double> logs) {
        if (logs instanceof TreeMap<String, Double> tree) {
            return tree.comparator() == null;
        }
        String previous = null;
        for (String key : logs.keySet()) {
            if (previous != null && previous.compareTo(key) >= 0) {
                return false;
            }
            previous = key;
        }
        return true;
    }
}
