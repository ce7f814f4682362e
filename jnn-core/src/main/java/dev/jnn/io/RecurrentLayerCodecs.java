package dev.jnn.io;

import static dev.jnn.io.LayerJson.activation;
import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerJson.decimal;
import static dev.jnn.io.LayerJson.initializer;
import static dev.jnn.io.LayerJson.regularizer;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.activations.ActivationFunction;
import dev.jnn.layers.Bidirectional;
import dev.jnn.layers.GRU;
import dev.jnn.layers.LSTM;
import dev.jnn.layers.Layer;
import dev.jnn.layers.RecurrentArguments;
import dev.jnn.layers.RecurrentLayer;
import dev.jnn.layers.SimpleRNN;
import dev.jnn.tensor.Shape;
import java.util.List;

/** SimpleRNN, LSTM, GRU (Keras 1 names included) and Bidirectional. */
final class RecurrentLayerCodecs {
    private RecurrentLayerCodecs() {
    }

    static void register() {
        ObjectNode kwargs = LayerRegistry.kwargs("training", "mask");
        add("SimpleRNN", SimpleRNN.class, true, kwargs, a -> new SimpleRNN(new SimpleRNN.Config(arguments(a, false))),
                l -> write(l, null, null));
        add("LSTM", LSTM.class, true, kwargs, a -> {
            boolean unitForgetBias = a.has("forget_bias_init")
                    ? "one".equals(a.string("one", "forget_bias_init")) || "ones".equals(a.string("one", "forget_bias_init"))
                    : a.bool(true, "unit_forget_bias");
            ActivationFunction gates = a.activation("sigmoid", "recurrent_activation", "inner_activation");
            return new LSTM(new LSTM.Config(arguments(a, true), gates, unitForgetBias));
        }, l -> write(l, l.config().recurrentActivation(), c -> c.put("unit_forget_bias", l.config().unitForgetBias())));
        add("GRU", GRU.class, true, kwargs, a -> {
            ActivationFunction gates = a.activation("sigmoid", "recurrent_activation", "inner_activation");
            // Keras 3 made reset_after=True the default; configs of older Keras without the key mean False.
            boolean resetAfter = a.bool(KerasGeneration.current() >= 3, "reset_after");
            return new GRU(new GRU.Config(arguments(a, true), gates, resetAfter));
        }, l -> write(l, l.config().recurrentActivation(), null));
        for (String name : List.of("SimpleRNN", "LSTM", "GRU", "Bidirectional")) {
            LayerRegistry.buildConfig(name, RecurrentLayerCodecs::buildConfig);
        }
        add("Bidirectional", Bidirectional.class, true, kwargs, RecurrentLayerCodecs::readBidirectional, l -> {
            ObjectNode c = base(l);
            if (l.config().mergeMode() == null) {
                c.putNull("merge_mode");
            } else {
                c.put("merge_mode", l.config().mergeMode());
            }
            c.set("layer", LayerRegistry.write(l.forwardLayer()));
            c.set("backward_layer", LayerRegistry.write(l.backwardLayer()));
            return c;
        });
    }

    /** Keras records the shapes of a call with initial states by argument name. */
    private static ObjectNode buildConfig(Layer l) {
        List<Shape> shapes = l.inputShapes();
        if (shapes.size() == 1) {
            return LayerRegistry.buildConfig(shapes);
        }
        ObjectNode dict = JsonNodes.object();
        dict.set("sequences_shape", JsonNodes.batchShape(shapes.get(0)));
        ArrayNode states = JsonNodes.array();
        shapes.subList(1, shapes.size()).forEach(s -> states.add(JsonNodes.batchShape(s)));
        dict.set("initial_state_shape", states);
        ObjectNode b = JsonNodes.object();
        b.set("shapes_dict", dict);
        return b;
    }

    /** The arguments shared by recurrent layers, from Keras 3, 2 and 1 keys. */
    private static RecurrentArguments arguments(LayerArgs a, boolean gated) {
        a.requireNull("kernel_constraint", "recurrent_constraint", "bias_constraint", "W_constraint", "U_constraint",
                "b_constraint", "activity_regularizer");
        a.requireOneOf("stateful", false);
        a.requireOneOf("time_major", false);
        a.requireOneOf("use_cudnn", "auto", true, false);
        // unroll, implementation and consume_less choose how Keras computes, not what.
        a.ignore("unroll", "implementation", "consume_less", "use_cudnn");
        return new RecurrentArguments(a.intValue(0, "units", "output_dim"), a.activation("tanh", "activation"),
                a.bool(true, "use_bias", "bias"), a.initializer("glorot_uniform", "kernel_initializer", "init"),
                a.initializer("orthogonal", "recurrent_initializer", "inner_init"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("kernel_regularizer", "W_regularizer"),
                a.regularizer("recurrent_regularizer", "U_regularizer"), a.regularizer("bias_regularizer", "b_regularizer"),
                a.floatValue(0f, "dropout", "dropout_W"), a.floatValue(0f, "recurrent_dropout", "dropout_U"), a.seed(),
                a.bool(false, "return_sequences"), a.bool(false, "return_state"), a.bool(false, "go_backwards"),
                a.bool(false, "zero_output_for_mask"));
    }

    private static ObjectNode write(RecurrentLayer l, ActivationFunction gates,
                                    java.util.function.Consumer<ObjectNode> afterBiasInitializer) {
        RecurrentArguments r = l.arguments();
        ObjectNode c = base(l);
        c.put("return_sequences", r.returnSequences());
        c.put("return_state", r.returnState());
        c.put("go_backwards", r.goBackwards());
        c.put("stateful", false);
        c.put("unroll", false);
        c.put("zero_output_for_mask", r.zeroOutputForMask());
        c.put("units", r.units());
        c.put("activation", activation(l, r.activation()));
        if (gates != null) {
            c.put("recurrent_activation", activation(l, gates));
        }
        c.put("use_bias", r.useBias());
        c.set("kernel_initializer", initializer(r.kernelInitializer()));
        c.set("recurrent_initializer", initializer(r.recurrentInitializer()));
        c.set("bias_initializer", initializer(r.biasInitializer()));
        if (afterBiasInitializer != null) {
            afterBiasInitializer.accept(c);
        }
        c.set("kernel_regularizer", regularizer(r.kernelRegularizer()));
        c.set("recurrent_regularizer", regularizer(r.recurrentRegularizer()));
        c.set("bias_regularizer", regularizer(r.biasRegularizer()));
        c.putNull("activity_regularizer");
        c.putNull("kernel_constraint");
        c.putNull("recurrent_constraint");
        c.putNull("bias_constraint");
        c.put("dropout", decimal(r.dropout()));
        c.put("recurrent_dropout", decimal(r.recurrentDropout()));
        if (l instanceof GRU g) {
            c.put("reset_after", g.config().resetAfter());
        }
        if (!(l instanceof SimpleRNN)) {
            if (r.seed() == null) {
                c.putNull("seed");
            } else {
                c.put("seed", r.seed());
            }
        }
        return c;
    }

    private static Bidirectional readBidirectional(LayerArgs a) {
        JsonNode inner = a.get("layer");
        if (inner == null) {
            throw a.malformed("layer", "a serialized recurrent layer", null);
        }
        // Keras names the copies forward_<name> and backward_<name>; jnn adds the prefixes itself.
        JsonNode forwardConfig = inner.get("config");
        Layer forward = LayerRegistry.read(inner);
        if (!(forward instanceof RecurrentLayer)) {
            throw a.unsupported("wrapping " + inner.path("class_name").asText() + " (SimpleRNN, LSTM or GRU only)");
        }
        RecurrentLayer original = (RecurrentLayer) forward;
        // Bidirectional forces zero_output_for_mask on its copies and Keras writes the forced value;
        // the wrapped layer's own setting is what the jnn config keeps.
        RecurrentLayer recurrent = switch (original) {
            case SimpleRNN r -> new SimpleRNN(new SimpleRNN.Config(r.config().arguments().withZeroOutputForMask(false)));
            case LSTM r -> new LSTM(new LSTM.Config(r.config().arguments().withZeroOutputForMask(false),
                    r.config().recurrentActivation(), r.config().unitForgetBias()));
            case GRU r -> new GRU(new GRU.Config(r.config().arguments().withZeroOutputForMask(false),
                    r.config().recurrentActivation(), r.config().resetAfter()));
            default -> throw a.unsupported("wrapping " + original.className());
        };
        String name = forwardConfig == null ? null : forwardConfig.path("name").asText(null);
        if (name != null) {
            recurrent.named(name.startsWith("forward_") ? name.substring("forward_".length()) : name);
        }
        JsonNode backward = a.get("backward_layer");
        if (backward != null) {
            Layer b = LayerRegistry.read(backward);
            if (!(b instanceof RecurrentLayer br) || b.getClass() != forward.getClass()
                    || !br.arguments().withGoBackwards(false).withZeroOutputForMask(false)
                            .equals(original.arguments().withGoBackwards(false).withZeroOutputForMask(false))
                    || br.arguments().goBackwards() == original.arguments().goBackwards()) {
                throw a.unsupported("a backward_layer that is not the forward layer run backwards");
            }
        }
        a.requireNull("weights");
        String mergeMode = a.has("merge_mode") ? a.string("concat", "merge_mode") : null;
        if (!a.raw().has("merge_mode")) {
            mergeMode = "concat";
        }
        return new Bidirectional(recurrent, mergeMode);
    }
}
