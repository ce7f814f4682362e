package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedLogsTest {
    @Test
    void keysComeInNaturalOrderWhateverTheInputOrder() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 1.0);
        logs.put("val_loss", 2.0);
        logs.put("accuracy", 0.5);
        logs.put("out_b_loss", 3.0);
        Map<String, Double> sorted = SortedLogs.copy(logs);
        assertEquals(List.of("accuracy", "loss", "out_b_loss", "val_loss"), new ArrayList<>(sorted.keySet()));
        assertEquals(logs, sorted);
        assertEquals(new ArrayList<>(new TreeMap<>(logs).keySet()), new ArrayList<>(sorted.keySet()));
    }

    @Test
    void theCopyIsFreshAndMutableEvenWhenAlreadySorted() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("accuracy", 0.5);
        logs.put("loss", 1.0);
        Map<String, Double> copy = SortedLogs.copy(logs);
        assertNotSame(logs, copy);
        copy.put("learning_rate", 0.1);
        assertEquals(2, logs.size());
        assertEquals(0, SortedLogs.copy(null).size());
        SortedLogs.copy(Map.of()).put("x", 1.0);
    }
}
