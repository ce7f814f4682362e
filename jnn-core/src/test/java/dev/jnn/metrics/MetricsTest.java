package dev.jnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsTest {
    private static Shape shape(String s) {
        String[] parts = s.split("x");
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dims[i] = Integer.parseInt(parts[i]);
        }
        return Shape.of(dims);
    }

    // The six rows of keras-and-peers.md §2.2 (observed with Keras 3: the loss never matters, so the
    // loss column is not an input here), plus "acc" and upper case, which Keras lower-cases first.
    @ParameterizedTest(name = "{0}: yTrue {1}, yPred {2} -> {3}")
    @CsvSource({
        "accuracy, 4x1, 4x1, BinaryAccuracy",
        "accuracy, 4,   4x3, SparseCategoricalAccuracy",
        "accuracy, 4x1, 4x3, SparseCategoricalAccuracy",
        "accuracy, 4x3, 4x3, CategoricalAccuracy",
        "acc,      4x3, 4x3, CategoricalAccuracy",
        "ACC,      4,   4x1, BinaryAccuracy",
        "Accuracy, 4x5x1, 4x5x3, SparseCategoricalAccuracy",
        "accuracy, 4x5, 4x5x3, SparseCategoricalAccuracy",
    })
    void accuracyIsResolvedByShapeOnlyAndKeepsTheTypedName(String name, String yTrue, String yPred, String expected) {
        Metric m = Metrics.get(name, shape(yTrue), shape(yPred));
        assertEquals(expected, m.getClass().getSimpleName());
        assertEquals(name, m.name());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "binary_accuracy, BinaryAccuracy",
        "categorical_accuracy, CategoricalAccuracy",
        "sparse_categorical_accuracy, SparseCategoricalAccuracy",
        "top_k_categorical_accuracy, TopKCategoricalAccuracy",
        "sparse_top_k_categorical_accuracy, SparseTopKCategoricalAccuracy",
        "mse, MeanSquaredError",
        "MSE, MeanSquaredError",
        "mean_squared_error, MeanSquaredError",
        "mae, MeanAbsoluteError",
        "mean_absolute_error, MeanAbsoluteError",
        "rmse, RootMeanSquaredError",
        "root_mean_squared_error, RootMeanSquaredError",
        "precision, Precision",
        "recall, Recall",
        "auc, AUC",
        "AUC, AUC",
        "f1_score, F1Score",
        "BinaryAccuracy, BinaryAccuracy",
    })
    void namedMetricsKeepTheTypedName(String name, String expected) {
        Metric m = Metrics.get(name, Shape.of(8, 3), Shape.of(8, 3));
        assertEquals(expected, m.getClass().getSimpleName());
        assertEquals(name, m.name());
    }

    @Test
    void registryDefaultsAreKerasDefaults() {
        assertEquals(5, assertInstanceOf(TopKCategoricalAccuracy.class,
                Metrics.get("top_k_categorical_accuracy", Shape.of(2, 9), Shape.of(2, 9))).k());
        assertEquals(0.5f, assertInstanceOf(BinaryAccuracy.class,
                Metrics.get("accuracy", Shape.of(2, 1), Shape.of(2, 1))).threshold());
        assertEquals(AUC.Config.defaults(), assertInstanceOf(AUC.class,
                Metrics.get("auc", Shape.of(2, 1), Shape.of(2, 1))).options());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("acuracy", Shape.of(4), Shape.of(4)));
        assertTrue(e.getMessage().startsWith("unknown metric \"acuracy\", valid names: [accuracy, acc, "),
                e.getMessage());
        assertTrue(e.getMessage().contains("f1_score"), e.getMessage());
        // Keras's metric table is case-sensitive except for accuracy/acc.
        assertThrows(IllegalArgumentException.class, () -> Metrics.get("Precision_", Shape.of(4), Shape.of(4)));
        assertThrows(IllegalArgumentException.class, () -> Metrics.get("F1_SCORE", Shape.of(4), Shape.of(4)));
        assertThrows(IllegalArgumentException.class, () -> Metrics.get(null, Shape.of(4), Shape.of(4)));
        assertThrows(IllegalArgumentException.class, () -> Metrics.get("accuracy", Shape.scalar(), Shape.of(4)));
    }

    @Test
    void namesListsEveryAcceptedString() {
        var names = Metrics.names();
        for (String n : names) {
            assertEquals(n, Metrics.get(n, Shape.of(4, 2), Shape.of(4, 2)).name());
        }
        assertTrue(names.containsAll(java.util.List.of("accuracy", "acc", "binary_accuracy", "categorical_accuracy",
                "sparse_categorical_accuracy", "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy",
                "mse", "mae", "mean_squared_error", "rmse", "root_mean_squared_error", "precision", "recall",
                "auc", "f1_score")));
    }
}
