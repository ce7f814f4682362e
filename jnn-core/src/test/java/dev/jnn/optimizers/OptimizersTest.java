package dev.jnn.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry, Keras configs and argument validation. */
class OptimizersTest {

    @Test
    void namesAreKerasLowerCaseClassNames() {
        assertEquals(List.of("sgd", "rmsprop", "adam", "adamw", "adagrad", "adadelta", "adamax", "nadam", "lion"),
                Optimizers.names());
    }

    @ParameterizedTest
    @CsvSource({"sgd, SGD", "SGD, SGD", "rmsprop, RMSprop", "RMSprop, RMSprop", "adam, Adam", "ADAM, Adam",
            "AdamW, AdamW", "adamw, AdamW", "Adagrad, Adagrad", "adadelta, Adadelta", "Adamax, Adamax",
            "nadam, Nadam", "Lion, Lion"})
    void getIsCaseInsensitive(String name, String className) {
        Optimizer optimizer = Optimizers.get(name);
        assertEquals(className, optimizer.getClass().getSimpleName());
        assertFalse(optimizer.built());
        assertNotSame(optimizer, Optimizers.get(name));
    }

    @Test
    void getGivesKerasDefaults() {
        assertEquals(0.01f, Optimizers.get("sgd").currentLearningRate());
        Adam adam = assertInstanceOf(Adam.class, Optimizers.get("adam"));
        assertEquals(0.001f, adam.currentLearningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-7, adam.epsilon());
        assertFalse(adam.amsgrad());
        RMSprop rms = assertInstanceOf(RMSprop.class, Optimizers.get("rmsprop"));
        assertEquals(0.9, rms.rho());
        assertEquals("rm_sprop", rms.name());
        Adagrad adagrad = assertInstanceOf(Adagrad.class, Optimizers.get("adagrad"));
        assertEquals(0.1, adagrad.initialAccumulatorValue());
        Adadelta adadelta = assertInstanceOf(Adadelta.class, Optimizers.get("adadelta"));
        assertEquals(0.95, adadelta.rho());
        Lion lion = assertInstanceOf(Lion.class, Optimizers.get("lion"));
        assertEquals(0.99, lion.beta2());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamm"));
        assertEquals("unknown optimizer 'adamm'; valid names: [sgd, rmsprop, adam, adamw, adagrad, adadelta, adamax, "
                + "nadam, lion]", e.getMessage());
    }

    @Test
    void adamConfigMatchesKerasKeysAndValues() {
        // Keras 3.15.1: keras.optimizers.Adam().get_config() (name without the uniquifying suffix).
        Map<String, Object> config = new Adam().config();
        assertEquals(List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm", "clipvalue",
                "use_ema", "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps",
                "beta_1", "beta_2", "epsilon", "amsgrad"), List.copyOf(config.keySet()));
        assertEquals("adam", config.get("name"));
        assertEquals(0.0010000000474974513, config.get("learning_rate"));   // read back from a float32 variable
        assertEquals(0.9, config.get("beta_1"));
        assertEquals(0.999, config.get("beta_2"));
        assertEquals(1e-7, config.get("epsilon"));
        assertEquals(false, config.get("amsgrad"));
        assertEquals(null, config.get("weight_decay"));
        assertEquals(0.99, config.get("ema_momentum"));
    }

    @Test
    void scheduleIsSerializedUnderLearningRate() {
        var schedule = new ExponentialDecay(0.1f, 10, 0.5f);
        Map<String, Object> config = SGD.builder().learningRate(schedule).build().config();
        assertEquals(LearningRateSchedules.serialize(schedule), config.get("learning_rate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "rmsprop", "adam", "adamw", "adagrad", "adadelta", "adamax", "nadam", "lion"})
    void configRoundTripsThroughTheRegistry(String name) {
        Map<String, Object> custom = new HashMap<>(Map.of("name", "mine", "learning_rate", 0.25, "clipnorm", 2.0));
        switch (name) {
            case "sgd" -> custom.putAll(Map.of("momentum", 0.5, "nesterov", true));
            case "rmsprop" -> custom.putAll(Map.of("rho", 0.8, "momentum", 0.3, "epsilon", 1e-5, "centered", true));
            case "adam", "adamw" -> custom.putAll(Map.of("beta_1", 0.7, "beta_2", 0.8, "epsilon", 1e-4, "amsgrad", true,
                    "weight_decay", 0.01));
            case "adagrad" -> custom.putAll(Map.of("initial_accumulator_value", 0.4, "epsilon", 1e-6));
            case "adadelta" -> custom.putAll(Map.of("rho", 0.5, "epsilon", 1e-6));
            case "adamax", "nadam" -> custom.putAll(Map.of("beta_1", 0.7, "beta_2", 0.8, "epsilon", 1e-4));
            case "lion" -> custom.putAll(Map.of("beta_1", 0.7, "beta_2", 0.8));
            default -> throw new AssertionError(name);
        }
        Optimizer optimizer = Optimizers.fromConfig(name, custom);
        Map<String, Object> config = optimizer.config();
        for (var entry : custom.entrySet()) {
            Object actual = config.get(entry.getKey());
            Object expected = entry.getValue();
            if (expected instanceof Double d && actual instanceof Number n) {
                assertEquals(d, n.doubleValue(), Math.ulp(d.floatValue()), entry.getKey());
            } else {
                assertEquals(expected, actual, entry.getKey());
            }
        }
        Optimizer copy = Optimizers.fromConfig(optimizer.getClass().getSimpleName(), config);
        assertEquals(config, copy.config());
        Optimizer scheduled = Optimizers.fromConfig(name,
                Map.of("learning_rate", LearningRateSchedules.serialize(new CosineDecay(0.1f, 100))));
        assertEquals(new CosineDecay(0.1f, 100), scheduled.learningRateSchedule());
        assertEquals(scheduled.config(), Optimizers.fromConfig(name, scheduled.config()).config());
    }

    @Test
    void adamWNeedsAWeightDecayInItsConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("weight_decay", null);
        assertEquals(0.004f, Optimizers.fromConfig("adamw", Map.of()).options().weightDecay());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.fromConfig("adamw", config));
    }

    @Test
    void unsupportedKerasOptionsAreRefusedNotIgnored() {
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.fromConfig("adam", Map.of("use_ema", true)));
        assertTrue(e.getMessage().startsWith("adam: use_ema"), e.getMessage());
    }

    @Test
    void invalidArgumentsNameTheArgumentAndValue() {
        assertMessage("learningRate must be a finite number >= 0, got -0.1", () -> new Adam(-0.1f));
        assertMessage("learningRate must be a finite number >= 0, got NaN", () -> new SGD(Float.NaN));
        assertMessage("clipnorm must be a finite number >= 0, got -1.0", () -> Adam.builder().clipnorm(-1f).build());
        assertMessage("weightDecay must be a finite number >= 0, got -0.5", () -> SGD.builder().weightDecay(-0.5f).build());
        assertMessage("only one of clipnorm, clipvalue and globalClipnorm can be set, got clipnorm=1.0, clipvalue=null, "
                + "globalClipnorm=2.0", () -> Adam.builder().clipnorm(1f).globalClipnorm(2f).build());
        assertMessage("momentum must be in [0.0, 1.0], got 1.5", () -> SGD.builder().momentum(1.5).build());
        assertMessage("beta1 must be in [0.0, 1.0], got -0.1", () -> Adam.builder().beta1(-0.1).build());
        assertMessage("beta2 must be in [0.0, 1.0], got 2.0", () -> Nadam.builder().beta2(2).build());
        assertMessage("beta1 must be in (0, 1], got 0.0", () -> Lion.builder().beta1(0).build());
        assertMessage("epsilon must be a finite number >= 0, got -1.0E-7", () -> Adamax.builder().epsilon(-1e-7).build());
        assertMessage("rho must be in [0.0, 1.0], got 1.1", () -> RMSprop.builder().rho(1.1).build());
        assertMessage("rho must be in [0.0, 1.0], got -0.5", () -> Adadelta.builder().rho(-0.5).build());
        assertMessage("initialAccumulatorValue must be a finite number >= 0, got -1.0",
                () -> Adagrad.builder().initialAccumulatorValue(-1).build());
        assertMessage("name must not be blank, got ' '", () -> Adam.builder().name(" ").build());
        assertMessage("learningRate schedule must not be null", () -> Adam.builder().learningRate((LearningRateSchedule) null));
    }

    private static void assertMessage(String message, Runnable action) {
        var e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(message, e.getMessage());
    }
}
