package dev.jnn.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    private static final Set<String> ALIASES = Set.of("swish", "hard_swish");
    // The names keras.activations.get accepts, for the activations jnn implements.
    private static final Set<String> KERAS_NAMES = Set.of("linear", "relu", "relu6", "leaky_relu", "elu", "selu",
            "gelu", "silu", "swish", "softplus", "softsign", "sigmoid", "hard_sigmoid", "hard_silu", "hard_swish",
            "tanh", "mish", "exponential", "softmax", "log_softmax");

    @Test
    void namesAreExactlyTheKerasNames() {
        assertEquals(KERAS_NAMES, Set.copyOf(Activations.names()));
        assertEquals(KERAS_NAMES.size(), Activations.names().size());
    }

    @Test
    void everyNameResolvesToAFunctionOfThatName() {
        for (String name : Activations.names()) {
            ActivationFunction f = Activations.get(name);
            if (!ALIASES.contains(name)) {
                assertEquals(name, f.name());
            }
        }
    }

    @Test
    void aliasesMapToTheSameFunctionAsTheirTarget() {
        assertSame(Activations.get("silu"), Activations.get("swish"));
        assertSame(Activations.get("hard_silu"), Activations.get("hard_swish"));
        // As in Keras, the alias serialises under the canonical name.
        assertEquals("silu", Activations.get("swish").name());
        assertEquals("hard_silu", Activations.get("hard_swish").name());
        assertEquals(Activations.silu(), Activations.swish());
        assertEquals(Activations.hardSilu(), Activations.hardSwish());
    }

    @Test
    void nullAndLinearGiveTheIdentity() {
        assertInstanceOf(Linear.class, Activations.get(null));
        assertInstanceOf(Linear.class, Activations.get("linear"));
    }

    @Test
    void namedFunctionsHaveKerasDefaults() {
        assertEquals(new Relu(0f, null, 0f), Activations.get("relu"));
        assertEquals(new LeakyRelu(0.2f), Activations.get("leaky_relu"));
        assertEquals(new Elu(1f), Activations.get("elu"));
        assertEquals(new Gelu(false), Activations.get("gelu"));
    }

    @Test
    void unknownNamesThrowListingTheValidNames() {
        for (String bad : List.of("nope", "ReLU", "Relu", "SWISH", "", "leakyRelu")) {
            var e = assertThrows(IllegalArgumentException.class, () -> Activations.get(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            for (String name : Activations.names()) {
                assertTrue(e.getMessage().contains(name), e.getMessage() + " should list " + name);
            }
        }
    }

    @Test
    void typedFactoriesBuildTheRequestedFunction() {
        assertEquals(new Relu(0.1f, 6f, 0.5f), Activations.relu(0.1f, 6f, 0.5f));
        assertEquals(new LeakyRelu(0.3f), Activations.leakyRelu(0.3f));
        assertEquals(new Elu(0.7f), Activations.elu(0.7f));
        assertEquals(new Gelu(true), Activations.gelu(true));
        var byFactory = List.<ActivationFunction>of(Activations.linear(), Activations.relu(), Activations.relu6(),
                Activations.leakyRelu(), Activations.elu(), Activations.selu(), Activations.gelu(), Activations.silu(),
                Activations.softplus(), Activations.softsign(), Activations.sigmoid(), Activations.hardSigmoid(),
                Activations.hardSilu(), Activations.tanh(), Activations.mish(), Activations.exponential(),
                Activations.softmax(), Activations.logSoftmax());
        for (ActivationFunction f : byFactory) {
            assertEquals(Activations.get(f.name()), f);
        }
    }

    @Test
    void configRoundTripsThroughFromConfig() {
        var functions = new java.util.ArrayList<ActivationFunction>();
        for (String name : Activations.names()) {
            functions.add(Activations.get(name));
        }
        functions.addAll(List.of(new Relu(0.1f, 4f, 1f), new Relu(0.3f, null, -1f), new LeakyRelu(0.05f),
                new Elu(0.5f), new Gelu(true)));
        for (ActivationFunction f : functions) {
            assertEquals(f, Activations.fromConfig(f.name(), f.config()));
        }
    }

    @Test
    void fromConfigFillsDefaultsAndAcceptsJsonNumbers() {
        // Parsed JSON gives doubles and integers, not floats.
        assertEquals(new Relu(0f, 6f, 0f), Activations.fromConfig("relu", Map.of("max_value", 6)));
        assertEquals(new LeakyRelu(0.3f), Activations.fromConfig("leaky_relu", Map.of("negative_slope", 0.3)));
        var withNull = new HashMap<String, Object>();
        withNull.put("max_value", null);
        assertEquals(new Relu(), Activations.fromConfig("relu", withNull));
    }

    @Test
    void fromConfigRejectsUnknownKeysAndBadValues() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Activations.fromConfig("relu", Map.of("alpha", 1.0)));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.fromConfig("tanh", Map.of("alpha", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> Activations.fromConfig("elu", Map.of("alpha", "big")));
        assertThrows(IllegalArgumentException.class,
                () -> Activations.fromConfig("gelu", Map.of("approximate", "yes")));
    }
}
