package dev.jnn.cli.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.losses.Loss;
import dev.jnn.losses.Losses;
import dev.jnn.metrics.Metrics;
import dev.jnn.models.CompileOptions;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code compile} of a spec, with Keras identifiers: a loss, an optimizer (a name, or an object
 * with the name and Keras arguments) and metric names. Everything is resolved when the spec is
 * read, so a typo fails before any training, with the allowed values listed.
 *
 * <pre>{@code
 * compile: {loss: sparse_categorical_crossentropy, optimizer: {name: adam, learning_rate: 0.01}, metrics: [accuracy]}
 * }</pre>
 *
 * @param loss      the loss name
 * @param lossArgs  Keras arguments of the loss ({@code from_logits}, ...), possibly empty
 * @param optimizer the optimizer name
 * @param optimizerArgs Keras arguments of the optimizer ({@code learning_rate}, ...), possibly empty
 * @param metrics   metric names
 */
public record CompileSpec(String loss, Map<String, Object> lossArgs, String optimizer,
                          Map<String, Object> optimizerArgs, List<String> metrics) {

    private static final List<String> COMMON_OPTIMIZER_ARGS = List.of("learning_rate", "weight_decay", "clipnorm",
            "clipvalue", "global_clipnorm", "name", "use_ema", "ema_momentum", "ema_overwrite_frequency",
            "loss_scale_factor", "gradient_accumulation_steps");
    /** Each optimizer's own Keras arguments, beside the common ones: a misspelt one is refused here. */
    private static final Map<String, List<String>> OPTIMIZER_ARGS = Map.of(
            "sgd", List.of("momentum", "nesterov"),
            "rmsprop", List.of("rho", "momentum", "epsilon", "centered"),
            "adam", List.of("beta_1", "beta_2", "epsilon", "amsgrad"),
            "adamw", List.of("beta_1", "beta_2", "epsilon", "amsgrad"),
            "adagrad", List.of("initial_accumulator_value", "epsilon"),
            "adadelta", List.of("rho", "epsilon"),
            "adamax", List.of("beta_1", "beta_2", "epsilon"),
            "nadam", List.of("beta_1", "beta_2", "epsilon"),
            "lion", List.of("beta_1", "beta_2"));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LOSS_ARGS = List.of("from_logits", "label_smoothing", "delta", "axis",
            "reduction", "name");

    public CompileSpec {
        lossArgs = Map.copyOf(lossArgs);
        optimizerArgs = Map.copyOf(optimizerArgs);
        metrics = List.copyOf(metrics);
    }

    /** Fresh loss, optimizer and metrics for one model (optimizers hold per-model state). */
    public CompileOptions options() {
        Loss lossObject = Losses.fromConfig(loss, lossArgs);
        Optimizer opt = Optimizers.fromConfig(optimizer, optimizerArgs);
        return CompileOptions.builder().loss(lossObject).optimizer(opt).metrics(metrics.toArray(String[]::new)).build();
    }

    /** Reads {@code compile}. */
    static CompileSpec read(SpecNode node) {
        node.onlyFields("loss", "optimizer", "metrics");
        SpecNode lossNode = node.required("loss", "a Keras loss, e.g. \"mse\" or \"sparse_categorical_crossentropy\"");
        Named loss = named(lossNode, "loss", Losses.names());
        checkArgs(lossNode, loss.args(), LOSS_ARGS);
        Named opt = node.has("optimizer") ? named(node.field("optimizer"), "optimizer", Optimizers.names())
                : new Named("rmsprop", Map.of());
        if (node.has("optimizer")) {
            List<String> allowed = new ArrayList<>(COMMON_OPTIMIZER_ARGS);
            allowed.addAll(OPTIMIZER_ARGS.getOrDefault(opt.name().toLowerCase(Locale.ROOT), List.of()));
            checkArgs(node.field("optimizer"), opt.args(), allowed);
        }
        List<String> metrics = new ArrayList<>();
        if (node.has("metrics")) {
            for (SpecNode m : node.field("metrics").list(true)) {
                metrics.add(m.oneOf(Metrics.names()));
            }
        }
        CompileSpec spec = new CompileSpec(loss.name(), loss.args(), opt.name(), opt.args(), metrics);
        try {
            Losses.fromConfig(spec.loss(), spec.lossArgs());
        } catch (IllegalArgumentException e) {
            throw lossNode.error(e.getMessage());
        }
        try {
            Optimizers.fromConfig(spec.optimizer(), spec.optimizerArgs());
        } catch (IllegalArgumentException e) {
            throw node.field("optimizer").error(e.getMessage());
        }
        return spec;
    }

    private record Named(String name, Map<String, Object> args) {
    }

    /**
     * A Keras identifier with arguments: {@code "adam"}, {@code {name: adam, learning_rate: 0.01}},
     * or Keras's {@code {class_name: Adam, config: {...}}}.
     */
    private static Named named(SpecNode node, String what, List<String> known) {
        String name;
        Map<String, Object> args = new LinkedHashMap<>();
        if (node.isText()) {
            name = node.text();
        } else if (node.isObject()) {
            String key = node.has("class_name") ? "class_name" : "name";
            SpecNode n = node.required(key, "the " + what + "'s Keras name");
            name = n.text();
            JsonNode source = node.has("config") && node.json().size() == 2 ? node.field("config").json() : node.json();
            source.properties().forEach(e -> {
                if (!(source == node.json() && e.getKey().equals(key))) {
                    args.put(e.getKey(), value(e.getValue()));
                }
            });
        } else {
            throw node.error("must be a Keras " + what + " name or an object with \"name\" and its arguments, got "
                    + SpecNode.describe(node.json()));
        }
        boolean ok = known.contains(name) || known.contains(name.toLowerCase(Locale.ROOT)) && what.equals("optimizer");
        if (!ok) {
            String at = node.isText() ? node.path() : node.path() + "." + (node.has("class_name") ? "class_name" : "name");
            throw new SpecException(at, "unknown " + what + " \"" + name + "\"; allowed: " + String.join(", ", known));
        }
        return new Named(name, args);
    }

    private static void checkArgs(SpecNode node, Map<String, Object> args, List<String> allowed) {
        for (String key : args.keySet()) {
            if (!allowed.contains(key)) {
                throw new SpecException(node.path() + "." + key, "unknown argument \"" + key + "\"; allowed: "
                        + String.join(", ", allowed));
            }
        }
    }

    /** A JSON value as the plain Java value Keras configs hold; numeric strings become numbers (YAML's 1e-3). */
    private static Object value(JsonNode v) {
        if (v.isNumber()) {
            return v.isIntegralNumber() ? (Object) v.asLong() : (Object) v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText());
            } catch (NumberFormatException e) {
                return v.asText();
            }
        }
        return MAPPER.convertValue(v, Object.class);
    }
}
