package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.layers.Layer;
import dev.jnn.regularizers.Regularizer;

/** Writes the parts of a Keras 3 layer config that many layers share, in Keras's key order. */
final class LayerJson {
    private LayerJson() {
    }

    /** Keras's {@code Layer.get_config()} start: {@code name, trainable, dtype}. */
    static ObjectNode base(Layer layer) {
        ObjectNode c = JsonNodes.object();
        c.put("name", layer.name());
        c.put("trainable", true);
        c.set("dtype", dtypePolicy());
        return c;
    }

    /** {@code {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, ...}}. */
    static ObjectNode dtypePolicy() {
        ObjectNode config = JsonNodes.object();
        config.put("name", "float32");
        return serialized("keras", "DTypePolicy", config);
    }

    static ObjectNode serialized(String module, String className, JsonNode config) {
        ObjectNode o = JsonNodes.object();
        o.put("module", module);
        o.put("class_name", className);
        o.set("config", config);
        o.putNull("registered_name");
        return o;
    }

    static ObjectNode initializer(Initializer initializer) {
        return serialized("keras.initializers", initializer.className(), JsonNodes.toJson(initializer.config()));
    }

    static JsonNode regularizer(Regularizer regularizer) {
        if (regularizer == null) {
            return JsonNodes.FACTORY.nullNode();
        }
        return serialized("keras.regularizers", regularizer.className(), JsonNodes.toJson(regularizer.config()));
    }

    /**
     * Keras 3 writes a layer's activation as its name; an activation with non-default arguments has no
     * such name, so it cannot be written.
     */
    static String activation(Layer layer, ActivationFunction activation) {
        if (!Activations.names().contains(activation.name())) {
            throw new UnsupportedKerasFeatureException(layer.className(), layer.name(),
                    "writing activation " + activation.name() + " (it has no Keras 3 name)");
        }
        if (!activation.config().equals(Activations.get(activation.name()).config())) {
            throw new UnsupportedKerasFeatureException(layer.className(), layer.name(),
                    "writing activation " + activation.name() + activation.config() + " (Keras names only defaults)");
        }
        return activation.name();
    }

    /** Keras's {@code seed}: the number, or null for the global stream. */
    static void seed(ObjectNode c, Long seed) {
        if (seed == null) {
            c.putNull("seed");
        } else {
            c.put("seed", seed);
        }
    }

    static double decimal(float f) {
        return JsonNodes.decimal(f);
    }
}
