package dev.jnn.callbacks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's order of log keys ({@code pythonify_logs} sorts them: {@code accuracy} before {@code loss},
 * {@code val_} keys after them) in a fresh, mutable map that callbacks may add keys to.
 *
 * <p>Logs are copied several times per epoch (the trainer's results, then once per callback
 * dispatch), and building and dispatching them is about a quarter of a silent small fit's epoch, so
 * no TreeMap is built: logs already in order are copied as they are, others sorted as an array.
 */
public final class SortedLogs {
    private SortedLogs() {
    }

    /** A new LinkedHashMap with the entries of {@code logs} (null for none), keys in natural order. */
    public static Map<String, Double> copy(Map<String, Double> logs) {
        if (logs == null || logs.isEmpty()) {
            return new LinkedHashMap<>();
        }
        if (inOrder(logs)) {
            return new LinkedHashMap<>(logs);
        }
        String[] keys = logs.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        Map<String, Double> sorted = LinkedHashMap.newLinkedHashMap(keys.length);
        for (String key : keys) {
            sorted.put(key, logs.get(key));
        }
        return sorted;
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
