package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.losses.Loss;
import dev.jnn.losses.Losses;
import dev.jnn.metrics.Metric;
import dev.jnn.metrics.Metrics;
import dev.jnn.models.CompileOptions;
import dev.jnn.models.Model;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's compile arguments as Keras stores them: Keras 3's {@code compile_config} and the legacy
 * {@code training_config} ({@code optimizer_config} with Keras 1/2 keys such as {@code lr}).
 */
final class CompileJson {
    private CompileJson() {
    }

    // ---- reading ----

    static CompileOptions read(JsonNode c) {
        if (c == null || !c.isObject() || c.isEmpty()) {
            throw new IllegalArgumentException("Keras compile config must be a non-empty object, got " + c);
        }
        JsonNode weighted = c.get("weighted_metrics");
        if (weighted != null && !weighted.isNull() && !weighted.isEmpty()) {
            throw new UnsupportedKerasFeatureException("compile", null, "weighted_metrics=" + weighted);
        }
        JsonNode sampleWeightMode = c.get("sample_weight_mode");
        if (sampleWeightMode != null && !sampleWeightMode.isNull()) {
            throw new UnsupportedKerasFeatureException("compile", null, "sample_weight_mode=" + sampleWeightMode);
        }
        CompileOptions.Builder b = CompileOptions.builder();
        JsonNode optimizer = c.has("optimizer_config") ? c.get("optimizer_config") : c.get("optimizer");
        if (optimizer != null && !optimizer.isNull()) {
            b.optimizer(optimizer(optimizer));
        }
        JsonNode loss = c.get("loss");
        if (loss == null || loss.isNull()) {
            throw new UnsupportedKerasFeatureException("compile", null, "a compile config without a loss");
        }
        if (loss.isObject() && !loss.has("class_name")) {
            loss.fields().forEachRemaining(e -> b.outputLoss(e.getKey(), loss(e.getValue())));
        } else if (loss.isArray()) {
            for (int i = 0; i < loss.size(); i++) {
                b.outputLoss(Integer.toString(i), loss(loss.get(i)));
            }
        } else {
            b.loss(loss(loss));
        }
        JsonNode weights = c.get("loss_weights");
        if (weights != null && weights.isObject()) {
            weights.fields().forEachRemaining(e -> b.lossWeight(e.getKey(), (float) e.getValue().asDouble()));
        } else if (weights != null && weights.isArray()) {
            for (int i = 0; i < weights.size(); i++) {
                b.lossWeight(Integer.toString(i), (float) weights.get(i).asDouble());
            }
        }
        JsonNode metrics = c.get("metrics");
        if (metrics != null && metrics.isObject()) {
            metrics.fields().forEachRemaining(e -> addMetrics(b, e.getKey(), e.getValue()));
        } else if (metrics != null && metrics.isArray()) {
            boolean perOutput = metrics.size() > 0 && (metrics.get(0).isArray() || metrics.get(0).isNull());
            for (int i = 0; i < metrics.size(); i++) {
                if (perOutput) {
                    addMetrics(b, Integer.toString(i), metrics.get(i));
                } else {
                    addMetric(b, null, metrics.get(i));
                }
            }
        }
        return b.build();
    }

    /**
     * Keras 2's {@code decay} argument: the learning rate of update {@code t} (counted from 0) was
     * {@code lr / (1 + decay·t)}, which is Keras 3's InverseTimeDecay with one decay step.
     */
    private static Map<String, Object> legacyDecay(String optimizer, Object learningRate, Number decay) {
        if (!(learningRate instanceof Number)) {
            throw new UnsupportedKerasFeatureException(optimizer, null,
                    "the legacy learning-rate decay=" + decay + " on a learning_rate that is not a number");
        }
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("initial_learning_rate", learningRate);
        schedule.put("decay_steps", 1);
        schedule.put("decay_rate", decay);
        schedule.put("staircase", false);
        return Map.of("class_name", "InverseTimeDecay", "config", schedule);
    }

    static Optimizer optimizer(JsonNode node) {
        if (node.isTextual()) {
            return Optimizers.get(node.asText());
        }
        String cls = node.path("class_name").asText(null);
        if (cls != null && cls.startsWith("Custom>")) {
            cls = cls.substring("Custom>".length()); // tf.keras 2.11+ registers its new optimizers as "Custom>Adam"
        }
        Map<String, Object> config = JsonNodes.toMap(node.get("config"));
        // Keras 1/2 spellings and entries that do not change the updates.
        if (config.containsKey("lr") && !config.containsKey("learning_rate")) {
            config.put("learning_rate", config.get("lr"));
        }
        config.remove("lr");
        Object decay = config.remove("decay");
        if (decay instanceof Number n && n.doubleValue() != 0) {
            config.put("learning_rate", legacyDecay(cls, config.get("learning_rate"), n));
        }
        config.remove("is_legacy_optimizer");
        config.remove("jit_compile");
        if (!Boolean.TRUE.equals(config.get("use_ema"))) {
            config.remove("ema_momentum"); // inactive without use_ema
            config.remove("ema_overwrite_frequency");
        }
        if (config.get("name") instanceof String s && s.equals(cls)) {
            config.remove("name"); // tf.keras 2 names an optimizer by its class ("Adam"); Keras 3 lower-cases it
        }
        for (String key : List.of("ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps")) {
            if (config.containsKey(key) && config.get(key) == null) {
                config.remove(key);
            }
        }
        if (Boolean.FALSE.equals(config.get("use_ema"))) {
            config.remove("use_ema");
        }
        try {
            return Optimizers.fromConfig(cls, config);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedKerasFeatureException(cls, null, "optimizer config " + node.get("config")
                    + " (" + e.getMessage() + ")");
        }
    }

    static Loss loss(JsonNode node) {
        try {
            if (node.isTextual()) {
                return Losses.get(node.asText());
            }
            String cls = node.path("class_name").asText(null);
            Map<String, Object> config = JsonNodes.toMap(node.get("config"));
            if ("auto".equals(config.get("reduction"))) {
                config.put("reduction", "sum_over_batch_size"); // tf.keras 2's "auto" is Keras 3's default
            }
            if ("function".equals(cls) && node.get("config").isTextual()) {
                return Losses.get(node.get("config").asText());
            }
            return Losses.fromConfig(cls, config);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedKerasFeatureException(node.isTextual() ? node.asText()
                    : node.path("class_name").asText(), null, "loss " + node + " (" + e.getMessage() + ")");
        }
    }

    private static void addMetrics(CompileOptions.Builder b, String output, JsonNode list) {
        if (list == null || list.isNull()) {
            b.outputMetrics(output, new String[0]);
        } else if (!list.isArray()) {
            addMetric(b, output, list);
        } else {
            list.forEach(m -> addMetric(b, output, m));
        }
    }

    /**
     * A metric given by name stays a name (jnn resolves "accuracy" against the data's shapes, as Keras
     * does); a serialized metric object becomes the same jnn object, so that it is written back as one.
     */
    private static void addMetric(CompileOptions.Builder b, String output, JsonNode m) {
        String name = metricName(m);
        if (m.isTextual() || name.equalsIgnoreCase("accuracy") || name.equalsIgnoreCase("acc")) {
            if (output == null) {
                b.metrics(name);
            } else {
                b.outputMetrics(output, name);
            }
            return;
        }
        Metric metric = Metrics.get(name, null, null);
        if (output == null) {
            b.metrics(metric);
        } else {
            b.outputMetrics(output, metric);
        }
    }

    /** A metric by the name jnn resolves at the first batch; objects by their configured name or class. */
    private static String metricName(JsonNode m) {
        String name;
        if (m.isTextual()) {
            name = m.asText();
        } else {
            String cls = m.path("class_name").asText(null);
            String configured = m.path("config").path("name").asText(null);
            if ("function".equals(cls) && m.path("config").isTextual()) {
                configured = m.path("config").asText();
            }
            JsonNode fn = m.path("config").path("fn");
            if ("MeanMetricWrapper".equals(cls) && fn.isTextual() && (configured == null || !known(configured))) {
                configured = fn.asText(); // tf.keras 2 wraps metric functions; their name is the user's
            }
            name = configured != null && known(configured) ? configured : cls;
        }
        if (name == null || !known(name)) {
            throw new UnsupportedKerasFeatureException(name == null ? String.valueOf(m) : name, null, "the metric " + m);
        }
        return name;
    }

    private static boolean known(String name) {
        return Metrics.names().contains(name) || name.equalsIgnoreCase("accuracy") || name.equalsIgnoreCase("acc");
    }

    // ---- writing ----

    /** Keras 3's {@code compile_config}. */
    static ObjectNode write(Model model) {
        CompileOptions o = options(model);
        ObjectNode c = JsonNodes.object();
        c.set("optimizer", optimizer(o.optimizer(), true));
        c.set("loss", losses(model, o));
        c.set("loss_weights", weights(model, o));
        c.set("metrics", metrics(model, o));
        c.putNull("weighted_metrics");
        c.put("run_eagerly", false);
        c.put("steps_per_execution", 1);
        c.put("jit_compile", false);
        return c;
    }

    /** The legacy .h5 {@code training_config}: the compile config with {@code optimizer_config} last. */
    static ObjectNode writeLegacy(Model model) {
        ObjectNode keras3 = write(model);
        ObjectNode c = JsonNodes.object();
        keras3.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("optimizer")) {
                c.set(e.getKey(), e.getValue());
            }
        });
        c.set("optimizer_config", optimizer(options(model).optimizer(), false));
        stripModules(c.get("loss"));
        stripModules(c.get("metrics"));
        return c;
    }

    /** The legacy form writes serialized losses and metrics as {class_name, config} only. */
    private static void stripModules(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.has("class_name") && node.has("config")) {
            ((ObjectNode) node).remove("module");
            ((ObjectNode) node).remove("registered_name");
            return;
        }
        node.forEach(CompileJson::stripModules);
    }

    private static CompileOptions options(Model model) {
        CompileOptions o = model.compileOptions();
        if (o == null) {
            throw new IllegalStateException("model \"" + model.name() + "\" is not compiled");
        }
        return o;
    }

    static ObjectNode optimizer(Optimizer optimizer, boolean keras3) {
        ObjectNode o = JsonNodes.object();
        if (keras3) {
            o.put("module", "keras.optimizers");
        }
        o.put("class_name", optimizer.getClass().getSimpleName());
        o.set("config", JsonNodes.toJson(optimizer.config()));
        if (keras3) {
            o.putNull("registered_name");
        }
        return o;
    }

    private static JsonNode loss(Loss loss) {
        return LayerJson.serialized("keras.losses", loss.getClass().getSimpleName(), JsonNodes.toJson(loss.config()));
    }

    private static JsonNode losses(Model model, CompileOptions o) {
        if (o.outputLosses().isEmpty()) {
            return loss(o.loss());
        }
        List<String> outputs = model.outputNames();
        ObjectNode byName = JsonNodes.object();
        for (int i = 0; i < outputs.size(); i++) {
            Loss l = pick(o.outputLosses(), outputs.get(i), i, o.loss());
            byName.set(outputs.get(i), l == null ? JsonNodes.FACTORY.nullNode() : loss(l));
        }
        return byName;
    }

    private static JsonNode weights(Model model, CompileOptions o) {
        if (o.lossWeights().isEmpty()) {
            return JsonNodes.FACTORY.nullNode();
        }
        List<String> outputs = model.outputNames();
        ObjectNode byName = JsonNodes.object();
        for (int i = 0; i < outputs.size(); i++) {
            byName.put(outputs.get(i), JsonNodes.decimal(pick(o.lossWeights(), outputs.get(i), i, 1f)));
        }
        return byName;
    }

    private static JsonNode metrics(Model model, CompileOptions o) {
        if (o.outputMetrics().isEmpty()) {
            return o.metrics().isEmpty() ? JsonNodes.FACTORY.nullNode() : metricList(o.metrics());
        }
        List<String> outputs = model.outputNames();
        ObjectNode byName = JsonNodes.object();
        for (int i = 0; i < outputs.size(); i++) {
            List<Object> m = pick(o.outputMetrics(), outputs.get(i), i, null);
            if (m != null) {
                byName.set(outputs.get(i), metricList(m));
            }
        }
        return byName;
    }

    private static ArrayNode metricList(List<Object> metrics) {
        ArrayNode a = JsonNodes.array();
        for (Object m : metrics) {
            if (m instanceof String s) {
                a.add(s);
            } else {
                Metric metric = (Metric) m;
                Map<String, Object> config = new LinkedHashMap<>(metric.config());
                a.add(LayerJson.serialized("keras.metrics", metric.getClass().getSimpleName(), JsonNodes.toJson(config)));
            }
        }
        return a;
    }

    private static <T> T pick(Map<String, T> byKey, String name, int position, T fallback) {
        T v = byKey.get(name);
        if (v == null) {
            v = byKey.get(Integer.toString(position));
        }
        return v != null ? v : fallback;
    }

}
