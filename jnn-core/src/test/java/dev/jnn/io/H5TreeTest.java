package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HDF5 writer as Keras files need it, including the jHDF limits and bug it works around. */
class H5TreeTest {
    @TempDir
    Path dir;

    @Test
    void groupsWrittenAfterTheLastDatasetSurvive() throws Exception {
        // The layout that jHDF 0.9.4 alone damages: a group with an attribute is written after a dataset.
        for (String first : List.of("vars", "abcd", "va", "varsxyz", "x")) {
            H5Tree tree = new H5Tree();
            tree.root().group(first).attribute("name", "sss");
            tree.root().path("y/dense/vars").dataset("0", new WeightArray(new int[] {2}, new float[] {1, 2}));
            Path file = dir.resolve(first + ".h5");
            tree.write(file);
            try (H5File h5 = H5File.open(file)) {
                assertEquals("sss", h5.stringAttribute(first, "name"), first);
                assertArrayEquals(new float[] {1, 2}, h5.read("y/dense/vars/0").data());
            }
        }
    }

    @Test
    void longStringListsAreSplitLikeKeras() throws Exception {
        String[] names = new String[3000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "layer_with_a_rather_long_name_" + i;
        }
        H5Tree tree = new H5Tree();
        tree.root().attribute("layer_names", names);
        tree.root().dataset("d", new WeightArray(new int[] {1}, new float[] {1}));
        Path file = dir.resolve("long.h5");
        tree.write(file);
        try (H5File h5 = H5File.open(file)) {
            assertEquals(List.of(names), h5.stringListAttribute("", "layer_names"));
            assertTrue(h5.stringListAttribute("", "layer_names0").size() < names.length);
        }
    }

    @Test
    void tooLongStringIsRefusedWithTheReason() {
        H5Tree tree = new H5Tree();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> tree.root().attribute("model_config", "x".repeat(70_000)));
        assertTrue(e.getMessage().contains("model_config") && e.getMessage().contains(".keras"), e.getMessage());
    }

    @Test
    void emptyDatasetIsRefusedWithTheReason() {
        H5Tree tree = new H5Tree();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> tree.root().dataset("w", new WeightArray(new int[] {0, 3}, new float[0])));
        assertTrue(e.getMessage().contains("(0, 3)"), e.getMessage());
    }

    @Test
    void keras1GatesAreConcatenatedInKeras2Order() {
        // LSTM, input 1, units 1: W_i U_i b_i W_c U_c b_c W_f U_f b_f W_o U_o b_o hold 1..12.
        List<WeightArray> keras1 = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            keras1.add(new WeightArray(i % 3 == 0 ? new int[] {1} : new int[] {1, 1}, new float[] {i}));
        }
        List<WeightArray> keras2 = Keras1Weights.convert("LSTM", keras1);
        assertArrayEquals(new float[] {1, 7, 4, 10}, keras2.get(0).data());   // i, f, c, o
        assertArrayEquals(new float[] {2, 8, 5, 11}, keras2.get(1).data());
        assertArrayEquals(new float[] {3, 9, 6, 12}, keras2.get(2).data());
        assertArrayEquals(new int[] {1, 4}, keras2.get(0).shape());
    }

    @Test
    void formatIsToldFromTheFirstBytes() {
        assertEquals(KerasFormat.KERAS_ZIP, KerasFormat.detect(new byte[] {'P', 'K', 3, 4, 0}, 5));
        assertEquals(KerasFormat.HDF5, KerasFormat.detect(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 8));
        assertEquals(KerasFormat.JSON, KerasFormat.detect(" \n{\"a\"".getBytes(), 6));
        assertEquals(null, KerasFormat.detect("<html>".getBytes(), 6));
        assertEquals(null, KerasFormat.detect(new byte[] {'P', 'K'}, 2));
    }
}
