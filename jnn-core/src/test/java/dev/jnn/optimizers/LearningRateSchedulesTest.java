package dev.jnn.optimizers;

import static dev.jnn.optimizers.KerasReference.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every schedule against Keras's values, plus configs and argument checks. */
class LearningRateSchedulesTest {

    private static void assertSchedule(String what, double[] expected, LearningRateSchedule schedule) {
        for (int k = 0; k < SCHEDULE_STEPS.length; k++) {
            long step = SCHEDULE_STEPS[k];
            float actual = schedule.learningRate(step);
            // Keras evaluates in float32, jnn in double rounded once: a few float ulps apart at most.
            assertEquals(expected[k], actual, 4e-7 * Math.abs(expected[k]) + 1e-9, what + " at step " + step);
        }
    }

    @Test
    void exponentialDecay() {
        assertSchedule("ExponentialDecay", EXP, new ExponentialDecay(0.1f, 10, 0.5f));
        assertSchedule("ExponentialDecay staircase", EXP_STAIR, new ExponentialDecay(0.1f, 10, 0.5f, true));
    }

    @Test
    void inverseTimeDecay() {
        assertSchedule("InverseTimeDecay", INV, new InverseTimeDecay(0.1f, 10, 0.5f));
        assertSchedule("InverseTimeDecay staircase", INV_STAIR, new InverseTimeDecay(0.1f, 10, 0.5f, true));
    }

    @Test
    void piecewiseConstantDecay() {
        assertSchedule("PiecewiseConstantDecay", PIECE,
                new PiecewiseConstantDecay(new long[] {5, 10}, new float[] {1.0f, 0.5f, 0.1f}));
    }

    @Test
    void polynomialDecay() {
        assertSchedule("PolynomialDecay", POLY, new PolynomialDecay(0.1f, 10));
        assertSchedule("PolynomialDecay cycle", POLY_CYCLE, new PolynomialDecay(0.1f, 10, 0.01f, 2.0f, true));
    }

    @Test
    void cosineDecay() {
        assertSchedule("CosineDecay", COS, new CosineDecay(0.1f, 10));
        assertSchedule("CosineDecay alpha", COS_ALPHA, new CosineDecay(0.1f, 10, 0.1f));
        assertSchedule("CosineDecay warmup", COS_WARM, new CosineDecay(0.1f, 10, 0f, 0.2f, 5));
    }

    @Test
    void matchIndependentFormulasAtManySteps() {
        var exp = new ExponentialDecay(0.3f, 7, 0.8f, true);
        var poly = new PolynomialDecay(0.2f, 13, 0.001f, 0.5f, false);
        var cos = new CosineDecay(0.05f, 40, 0.2f, 0.4f, 9);
        for (long step = 0; step < 80; step++) {
            double e = 0.3f * Math.pow(0.8f, Math.floor(step / 7.0));
            assertEquals(e, exp.learningRate(step), 1e-7 * e, "exp at " + step);
            double s = Math.min(step, 13);
            double p = (0.2f - 0.001f) * Math.sqrt(1 - s / 13) + 0.001f;
            assertEquals(p, poly.learningRate(step), 1e-7 * p + 1e-10, "poly at " + step);
            double c;
            if (step < 9) {
                c = 0.05f + (0.4f - 0.05f) * step / 9.0;
            } else {
                double fraction = Math.min(step - 9, 40) / 40.0;
                c = 0.4f * (0.8 * 0.5 * (1 + Math.cos(Math.PI * fraction)) + 0.2);
            }
            assertEquals(c, cos.learningRate(step), 1e-7 * c, "cosine at " + step);
        }
    }

    @Test
    void configsUseKerasKeysAndRoundTrip() {
        List<LearningRateSchedule> schedules = List.of(new ExponentialDecay(0.1f, 10, 0.5f, true),
                new InverseTimeDecay(0.2f, 3, 0.25f), new PiecewiseConstantDecay(new long[] {5, 10}, new float[] {1f, .5f, .1f}),
                new PolynomialDecay(0.1f, 10, 0.01f, 2f, true), new CosineDecay(0.1f, 10, 0.1f, 0.2f, 5),
                new CosineDecay(0.1f, 10));
        for (LearningRateSchedule schedule : schedules) {
            Map<String, Object> serialized = LearningRateSchedules.serialize(schedule);
            assertEquals("keras.optimizers.schedules", serialized.get("module"));
            assertEquals(schedule.name(), serialized.get("class_name"));
            assertEquals(schedule, LearningRateSchedules.deserialize(serialized));
        }
        assertEquals(List.of("initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target", "warmup_steps"),
                List.copyOf(new CosineDecay(0.1f, 10).config().keySet()));
        assertEquals("PiecewiseConstant", new PiecewiseConstantDecay(new long[] {1}, new float[] {1f, 2f}).config().get("name"));
        assertEquals(List.of("initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name"),
                List.copyOf(new ExponentialDecay(0.1f, 10, 0.5f).config().keySet()));
    }

    @Test
    void kerasConfigsWithDefaultsLeftOutAreAccepted() {
        // As Keras writes it for PolynomialDecay(0.1, 10), read back with JSON numbers as Integer/Double.
        Map<String, Object> config = new HashMap<>(Map.of("initial_learning_rate", 0.1, "decay_steps", 10));
        assertEquals(new PolynomialDecay(0.1f, 10), LearningRateSchedules.fromConfig("PolynomialDecay", config));
        config.put("decay_steps", 2.5);
        var e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.fromConfig("PolynomialDecay", config));
        assertEquals("PolynomialDecay: decay_steps must be a whole number, got 2.5", e.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedules.fromConfig("Warp", Map.of()));
        assertTrue(unknown.getMessage().contains(LearningRateSchedules.names().toString()), unknown.getMessage());
    }

    @Test
    void invalidArgumentsAreRefusedWithTheirValue() {
        assertMessage("decaySteps must be > 0, got 0", () -> new ExponentialDecay(0.1f, 0, 0.5f));
        assertMessage("decaySteps must be > 0, got -3", () -> new InverseTimeDecay(0.1f, -3, 0.5f));
        assertMessage("initialLearningRate must be a finite number >= 0, got -0.1", () -> new PolynomialDecay(-0.1f, 10));
        assertMessage("alpha must be in [0.0, 1.0], got 1.5", () -> new CosineDecay(0.1f, 10, 1.5f));
        assertMessage("warmupSteps must be >= 0, got -1", () -> new CosineDecay(0.1f, 10, 0f, 0.2f, -1));
        assertMessage("boundaries must have one element less than values, got boundaries=[5, 10] (2) and values=[1.0, 0.5] (2)",
                () -> new PiecewiseConstantDecay(new long[] {5, 10}, new float[] {1f, 0.5f}));
        assertMessage("boundaries must be strictly increasing, got [10, 5]",
                () -> new PiecewiseConstantDecay(new long[] {10, 5}, new float[] {1f, 0.5f, 0.1f}));
    }

    private static void assertMessage(String message, Runnable action) {
        var e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void configValuesKeepTheirJavaTypes() {
        assertEquals(Arrays.asList(0.1f, 10L, 0.5f, false, "ExponentialDecay"),
                List.copyOf(new ExponentialDecay(0.1f, 10, 0.5f).config().values()));
    }
}
