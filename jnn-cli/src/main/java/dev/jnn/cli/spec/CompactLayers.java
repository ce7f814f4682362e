package dev.jnn.cli.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The compact layer forms of a spec's {@code model.layers}, turned into Keras's serialized form
 * ({@code {"class_name": "Dense", "config": {"units": 16, ...}}}) so that jnn's Keras registry builds
 * them: every layer jnn reads from a Keras file is available, with Keras's argument names and
 * defaults, and an argument the registry does not know is refused by it.
 *
 * <ul>
 *   <li>{@code {"class_name": "Conv2D", "filters": 8, "kernel_size": 3}}: the general form, any
 *       registered class with its Keras config arguments beside the class name;</li>
 *   <li>{@code {"class_name": "Conv2D", "config": {...}}}: Keras's own form;</li>
 *   <li>sugar: {@code {"dense": 16, "activation": "relu"}}, {@code {"dropout": 0.2}},
 *       {@code {"activation": "relu"}}.</li>
 * </ul>
 */
public final class CompactLayers {
    /** Sugar key to the Keras class and the config argument its value fills. */
    private static final Map<String, String[]> SUGAR = Map.of(
            "dense", new String[] {"Dense", "units"},
            "dropout", new String[] {"Dropout", "rate"});

    private CompactLayers() {
    }

    /** The Keras serialized form of one compact layer. */
    public static ObjectNode toKeras(SpecNode layer) {
        layer.requireObject();
        JsonNode json = layer.json();
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        String className;
        if (json.has("class_name")) {
            className = layer.field("class_name").text();
            boolean kerasForm = json.has("config") && json.size() <= 3
                    && (json.size() == 2 || json.has("module") || json.has("registered_name"));
            if (kerasForm) {
                SpecNode inner = layer.field("config");
                inner.requireObject();
                config.setAll((ObjectNode) inner.json());
            } else {
                json.properties().forEach(e -> {
                    if (!e.getKey().equals("class_name")) {
                        config.set(e.getKey(), e.getValue());
                    }
                });
            }
        } else {
            String sugar = null;
            for (String key : SUGAR.keySet()) {
                if (json.has(key)) {
                    if (sugar != null) {
                        throw layer.error("one layer cannot be both \"" + sugar + "\" and \"" + key + "\"");
                    }
                    sugar = key;
                }
            }
            if (sugar != null) {
                String[] target = SUGAR.get(sugar);
                className = target[0];
                for (var e : json.properties()) {
                    config.set(e.getKey().equals(sugar) ? target[1] : e.getKey(), e.getValue());
                }
            } else if (json.size() == 1 && json.has("activation")) {
                className = "Activation";
                config.set("activation", json.get("activation"));
            } else {
                throw layer.error("a layer is {\"dense\": units, ...}, {\"dropout\": rate}, {\"activation\": name}"
                        + " or {\"class_name\": <a Keras layer class>, <its Keras arguments>...}; got fields "
                        + layer.fieldNames());
            }
        }
        ObjectNode keras = JsonNodeFactory.instance.objectNode();
        keras.put("class_name", className);
        keras.set("config", config);
        return keras;
    }
}
