package dev.jnn.io;

import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerJson.decimal;
import static dev.jnn.io.LayerJson.initializer;
import static dev.jnn.io.LayerJson.regularizer;
import static dev.jnn.io.LayerJson.seed;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.Add;
import dev.jnn.layers.Attention;
import dev.jnn.layers.Average;
import dev.jnn.layers.Concatenate;
import dev.jnn.layers.Dot;
import dev.jnn.layers.Embedding;
import dev.jnn.layers.Layer;
import dev.jnn.layers.Masking;
import dev.jnn.layers.Maximum;
import dev.jnn.layers.Minimum;
import dev.jnn.layers.Multiply;
import dev.jnn.layers.Subtract;
import dev.jnn.layers.TimeDistributed;
import java.util.function.Supplier;

/** Merge layers, Embedding, Masking, TimeDistributed and Attention. */
final class MergeLayerCodecs {
    private MergeLayerCodecs() {
    }

    static void register() {
        plain("Add", Add.class, Add::new);
        plain("Subtract", Subtract.class, Subtract::new);
        plain("Multiply", Multiply.class, Multiply::new);
        plain("Average", Average.class, Average::new);
        plain("Maximum", Maximum.class, Maximum::new);
        plain("Minimum", Minimum.class, Minimum::new);
        add("Merge", null, true, MergeLayerCodecs::readKeras1Merge, l -> {
            throw new IllegalStateException("Keras 1's Merge is read only");
        });
        add("Concatenate", Concatenate.class, true, a -> new Concatenate(a.intValue(-1, "axis", "concat_axis")), l -> {
            ObjectNode c = base(l);
            c.put("axis", l.config().axis());
            return c;
        });
        add("Dot", Dot.class, true, a -> {
            int[] axes = a.ints("axes", "dot_axes");
            if (axes == null || axes.length == 0 || axes.length > 2) {
                throw a.malformed("axes", "one axis or a pair", a.raw().get("axes"));
            }
            return new Dot(new Dot.Config(axes[0], axes.length == 2 ? axes[1] : axes[0], a.bool(false, "normalize")));
        }, l -> {
            ObjectNode c = base(l);
            if (l.config().axis1() == l.config().axis2()) {
                c.put("axes", l.config().axis1());
            } else {
                c.set("axes", JsonNodes.ints(l.config().axis1(), l.config().axis2()));
            }
            c.put("normalize", l.config().normalize());
            return c;
        });
        add("Embedding", Embedding.class, true, a -> {
            a.requireNull("embeddings_constraint", "activity_regularizer", "quantization_config", "lora_rank",
                    "weights");
            a.ignore("input_length", "lora_alpha"); // Keras 2's input_length only fixes the input shape
            return new Embedding(new Embedding.Config(a.intValue(0, "input_dim"), a.intValue(0, "output_dim"),
                    a.initializer("uniform", "embeddings_initializer", "init"),
                    a.regularizer("embeddings_regularizer", "W_regularizer"), a.bool(false, "mask_zero")));
        }, l -> {
            Embedding.Config e = l.config();
            ObjectNode c = base(l);
            c.put("input_dim", e.inputDim());
            c.put("output_dim", e.outputDim());
            c.set("embeddings_initializer", initializer(e.embeddingsInitializer()));
            c.set("embeddings_regularizer", regularizer(e.embeddingsRegularizer()));
            c.putNull("activity_regularizer");
            c.putNull("embeddings_constraint");
            c.put("mask_zero", e.maskZero());
            c.putNull("quantization_config");
            return c;
        });
        add("Masking", Masking.class, false, MergeLayerCodecs::readMasking, l -> {
            ObjectNode c = base(l);
            c.put("mask_value", decimal(l.config().maskValue()));
            return c;
        });
        add("TimeDistributed", TimeDistributed.class, true, a -> {
            JsonNode inner = a.get("layer");
            if (inner == null) {
                throw a.malformed("layer", "a serialized layer", null);
            }
            return new TimeDistributed(LayerRegistry.read(inner));
        }, l -> {
            ObjectNode c = base(l);
            c.set("layer", LayerRegistry.write(l.layer()));
            return c;
        });
        LayerRegistry.callArguments("Attention", "use_causal_mask", "return_attention_scores");
        add("Attention", Attention.class, true, a -> new Attention(new Attention.Config(a.bool(false, "use_scale"),
                a.string("dot", "score_mode"), a.floatValue(0f, "dropout"), causal(a),
                a.bool(false, "return_attention_scores"), a.seed())), l -> {
            Attention.Config k = l.config();
            ObjectNode c = attentionBase(l, k.useCausalMask(), k.returnAttentionScores());
            c.put("use_scale", k.useScale());
            c.put("score_mode", k.scoreMode());
            c.put("dropout", decimal(k.dropout()));
            seed(c, k.seed());
            return c;
        });
    }

    /** Keras 2 had {@code causal} in the config; Keras 3 takes use_causal_mask at call time (see ModelReader). */
    static boolean causal(LayerArgs a) {
        return a.bool(false, "causal") || a.bool(false, "use_causal_mask");
    }

    /**
     * The start of an Attention or AdditiveAttention config; Keras 3 takes use_causal_mask and
     * return_attention_scores as call arguments, so a layer fixed to either cannot be written.
     */
    static ObjectNode attentionBase(Layer l, boolean useCausalMask, boolean returnAttentionScores) {
        if (useCausalMask || returnAttentionScores) {
            throw new UnsupportedKerasFeatureException(l.className(), l.name(),
                    "writing use_causal_mask/return_attention_scores (Keras 3 takes them as call arguments)");
        }
        return base(l);
    }

    /** Keras 3.8 may write mask_value as a serialized tensor: {"class_name": "__tensor__", "config": {"value": ...}}. */
    private static Masking readMasking(LayerArgs a) {
        JsonNode v = a.get("mask_value");
        if (v == null) {
            return new Masking(0f);
        }
        if (v.isObject() && "__tensor__".equals(v.path("class_name").asText())) {
            v = v.path("config").path("value");
        }
        if (v.isArray() && v.size() == 1) {
            v = v.get(0);
        }
        if (!v.isNumber()) {
            throw a.unsupported("mask_value=" + v + " (one number only)");
        }
        return new Masking((float) v.asDouble());
    }

    /** Keras 1's Merge layer of tensors: its mode is one of Keras 2's merge classes. */
    private static Layer readKeras1Merge(LayerArgs a) {
        // Keras 1 records a mode function and output shape/mask functions ("raw" with null when none).
        a.requireOneOf("mode_type", "raw");
        a.requireNull("output_shape", "output_mask", "node_indices", "tensor_indices");
        a.ignore("output_shape_type", "output_mask_type", "arguments");
        if (a.has("layers")) {
            throw a.unsupported("merging Sequential branches (Keras 1 Merge of models)");
        }
        String mode = a.string("sum", "mode");
        return switch (mode) {
            case "sum" -> new Add();
            case "mul" -> new Multiply();
            case "ave" -> new Average();
            case "max" -> new Maximum();
            case "concat" -> new Concatenate(a.intValue(-1, "concat_axis"));
            case "dot" -> {
                int[] axes = a.ints("dot_axes");
                yield new Dot(new Dot.Config(axes == null ? -1 : axes[0],
                        axes == null ? -1 : axes.length > 1 ? axes[1] : axes[0], false));
            }
            default -> throw a.unsupported("mode=" + mode);
        };
    }

    private static <L extends Layer> void plain(String name, Class<L> type, Supplier<L> create) {
        add(name, type, true, a -> create.get(), LayerJson::base);
    }
}
