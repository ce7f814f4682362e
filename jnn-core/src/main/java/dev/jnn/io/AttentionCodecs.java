package dev.jnn.io;

import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerJson.decimal;
import static dev.jnn.io.LayerJson.initializer;
import static dev.jnn.io.LayerJson.regularizer;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.MultiHeadAttention;
import dev.jnn.tensor.Shape;
import java.util.List;

/** MultiHeadAttention (Attention itself is with the merge layers). */
final class AttentionCodecs {
    private AttentionCodecs() {
    }

    static void register() {
        LayerRegistry.callArguments("MultiHeadAttention", "use_causal_mask", "return_attention_scores");
        add("MultiHeadAttention", MultiHeadAttention.class, true, AttentionCodecs::read, AttentionCodecs::write);
        LayerRegistry.buildConfig("MultiHeadAttention", l -> {
            // Keras's MultiHeadAttention records its call's shapes by argument name.
            List<Shape> shapes = l.inputShapes();
            ObjectNode dict = JsonNodes.object();
            dict.set("query_shape", JsonNodes.batchShape(shapes.get(0)));
            dict.set("value_shape", JsonNodes.batchShape(shapes.get(1)));
            if (shapes.size() > 2) {
                dict.set("key_shape", JsonNodes.batchShape(shapes.get(2)));
            }
            ObjectNode b = JsonNodes.object();
            b.set("shapes_dict", dict);
            return b;
        });
    }

    private static MultiHeadAttention read(LayerArgs a) {
        a.requireNull("kernel_constraint", "bias_constraint", "activity_regularizer", "sliding_window");
        a.requireOneOf("use_gate", false);
        JsonNode axes = a.get("attention_axes");
        if (axes != null && !(axes.isArray() && axes.size() == 1 && axes.get(0).asInt() == 1)
                && !(axes.isNumber() && axes.asInt() == 1)) {
            throw a.unsupported("attention_axes=" + axes + " (jnn attends over axis 1 of [batch, time, features])");
        }
        a.ignore("query_shape", "key_shape", "value_shape"); // tf.keras 2 repeats the build shapes here
        int keyDim = a.intValue(0, "key_dim");
        int[] out = a.ints("output_shape");
        return new MultiHeadAttention(new MultiHeadAttention.Config(a.intValue(0, "num_heads"), keyDim,
                a.intValue(keyDim, "value_dim"), a.floatValue(0f, "dropout"), a.bool(true, "use_bias"),
                out == null ? null : Shape.of(out), a.bool(false, "use_causal_mask"),
                a.bool(false, "return_attention_scores"), a.initializer("glorot_uniform", "kernel_initializer"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("kernel_regularizer"),
                a.regularizer("bias_regularizer"), a.seed()));
    }

    private static ObjectNode write(MultiHeadAttention l) {
        MultiHeadAttention.Config k = l.config();
        if (k.useCausalMask() || k.returnAttentionScores()) {
            throw new UnsupportedKerasFeatureException("MultiHeadAttention", l.name(),
                    "writing use_causal_mask/return_attention_scores (Keras 3 takes them as call arguments)");
        }
        ObjectNode c = base(l);
        c.put("num_heads", k.numHeads());
        c.put("key_dim", k.keyDim());
        c.put("value_dim", k.valueDim());
        c.put("dropout", decimal(k.dropout()));
        c.put("use_bias", k.useBias());
        c.put("use_gate", false);
        if (k.outputShape() == null) {
            c.putNull("output_shape");
        } else {
            int[] dims = new int[k.outputShape().rank()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = k.outputShape().dim(i);
            }
            c.set("output_shape", JsonNodes.ints(dims));
        }
        if (l.built()) {
            c.set("attention_axes", JsonNodes.ints(1));
        } else {
            c.putNull("attention_axes");
        }
        c.putNull("sliding_window");
        c.set("kernel_initializer", initializer(k.kernelInitializer()));
        c.set("bias_initializer", initializer(k.biasInitializer()));
        c.set("kernel_regularizer", regularizer(k.kernelRegularizer()));
        c.set("bias_regularizer", regularizer(k.biasRegularizer()));
        c.putNull("activity_regularizer");
        c.putNull("kernel_constraint");
        c.putNull("bias_constraint");
        if (k.seed() == null) {
            c.putNull("seed");
        } else {
            c.put("seed", k.seed());
        }
        return c;
    }
}
