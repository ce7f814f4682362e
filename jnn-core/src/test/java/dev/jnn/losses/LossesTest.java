package dev.jnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossesTest {
    @ParameterizedTest
    @CsvSource({
        "mse, MeanSquaredError, mean_squared_error",
        "MSE, MeanSquaredError, mean_squared_error",
        "mean_squared_error, MeanSquaredError, mean_squared_error",
        "MeanSquaredError, MeanSquaredError, mean_squared_error",
        "mae, MeanAbsoluteError, mean_absolute_error",
        "MAE, MeanAbsoluteError, mean_absolute_error",
        "mape, MeanAbsolutePercentageError, mean_absolute_percentage_error",
        "MAPE, MeanAbsolutePercentageError, mean_absolute_percentage_error",
        "msle, MeanSquaredLogarithmicError, mean_squared_logarithmic_error",
        "MSLE, MeanSquaredLogarithmicError, mean_squared_logarithmic_error",
        "binary_crossentropy, BinaryCrossentropy, binary_crossentropy",
        "bce, BinaryCrossentropy, binary_crossentropy",
        "BCE, BinaryCrossentropy, binary_crossentropy",
        "categorical_crossentropy, CategoricalCrossentropy, categorical_crossentropy",
        "CategoricalCrossentropy, CategoricalCrossentropy, categorical_crossentropy",
        "sparse_categorical_crossentropy, SparseCategoricalCrossentropy, sparse_categorical_crossentropy",
        "huber, Huber, huber_loss",
        "huber_loss, Huber, huber_loss",
        "Huber, Huber, huber_loss",
        "log_cosh, LogCosh, log_cosh",
        "logcosh, LogCosh, log_cosh",
        "hinge, Hinge, hinge",
        "squared_hinge, SquaredHinge, squared_hinge",
        "categorical_hinge, CategoricalHinge, categorical_hinge",
        "kl_divergence, KLDivergence, kl_divergence",
        "kld, KLDivergence, kl_divergence",
        "KLD, KLDivergence, kl_divergence",
        "kullback_leibler_divergence, KLDivergence, kl_divergence",
        "poisson, Poisson, poisson",
        "cosine_similarity, CosineSimilarity, cosine_similarity",
    })
    void resolvesKerasNamesAndAliases(String name, String className, String kerasName) {
        Loss loss = Losses.get(name);
        assertEquals(className, loss.getClass().getSimpleName());
        assertEquals(kerasName, loss.name());
    }

    @Test
    void everyListedNameResolvesAndEveryLossResolvesFromItsOwnName() {
        for (String name : Losses.names()) {
            Loss loss = Losses.get(name);
            assertEquals(loss.getClass(), Losses.get(loss.name()).getClass(), name);
        }
        assertNotSame(Losses.get("mse"), Losses.get("mse"));
    }

    @Test
    void unknownNameListsTheValidNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> Losses.get("mean_squared_eror"));
        assertTrue(e.getMessage().contains("\"mean_squared_eror\""), e.getMessage());
        assertTrue(e.getMessage().contains("mse") && e.getMessage().contains("sparse_categorical_crossentropy"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.get(null));
        assertThrows(IllegalArgumentException.class, () -> Losses.get("Mse"));   // Keras is case-sensitive
    }

    @Test
    void defaultConfigsUseKerasKeys() {
        // Keras 3.15.1 BinaryCrossentropy().get_config()
        assertEquals(ordered("name", "binary_crossentropy", "reduction", "sum_over_batch_size",
                "from_logits", false, "label_smoothing", 0.0, "axis", -1), new BinaryCrossentropy().config());
        assertEquals(ordered("name", "categorical_crossentropy", "reduction", "sum_over_batch_size",
                "from_logits", false, "label_smoothing", 0.0, "axis", -1), new CategoricalCrossentropy().config());
        assertEquals(ordered("name", "sparse_categorical_crossentropy", "reduction", "sum_over_batch_size",
                "from_logits", false, "ignore_class", null), new SparseCategoricalCrossentropy().config());
        assertEquals(ordered("name", "mean_squared_error", "reduction", "sum_over_batch_size"),
                new MeanSquaredError().config());
        // Keras omits delta and axis here; jnn keeps them so that the config rebuilds the loss.
        assertEquals(ordered("name", "huber_loss", "reduction", "sum_over_batch_size", "delta", 2.5),
                new Huber(new Huber.Config(2.5)).config());
        assertEquals(ordered("name", "cosine_similarity", "reduction", "sum_over_batch_size", "axis", -1),
                new CosineSimilarity().config());
    }

    @Test
    void configRoundTripsThroughTheRegistry() {
        for (Loss loss : new Loss[] {
                new BinaryCrossentropy(new BinaryCrossentropy.Config(true, 0.2)),
                new CategoricalCrossentropy(new CategoricalCrossentropy.Config(true, 0.1)),
                new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(true)),
                new Huber(new Huber.Config(0.25)), new MeanSquaredError(), new CosineSimilarity(),
                new KLDivergence(), new Poisson(), new LogCosh(), new CategoricalHinge()}) {
            Loss rebuilt = Losses.fromConfig(loss.getClass().getSimpleName(), loss.config());
            assertEquals(loss.getClass(), rebuilt.getClass());
            assertEquals(loss.config(), rebuilt.config());
        }
        var bce = assertInstanceOf(BinaryCrossentropy.class,
                Losses.fromConfig("BinaryCrossentropy", Map.of("from_logits", true, "label_smoothing", 0.3)));
        assertTrue(bce.fromLogits());
        assertEquals(0.3, bce.labelSmoothing());
    }

    @Test
    void configRejectsWhatJnnDoesNotImplement() {
        assertThrows(IllegalArgumentException.class,
                () -> Losses.fromConfig("MeanSquaredError", Map.of("reduction", "sum")));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.fromConfig("CategoricalCrossentropy", Map.of("axis", 1)));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.fromConfig("SparseCategoricalCrossentropy", Map.of("ignore_class", 255)));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryCrossentropy.Config(false, 1.5));
        assertTrue(e.getMessage().contains("labelSmoothing") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Huber.Config(-1.0));
        assertTrue(e.getMessage().contains("delta") && e.getMessage().contains("-1.0"), e.getMessage());
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
