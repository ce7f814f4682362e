package dev.jnn.cli.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.activations.Activations;
import dev.jnn.cli.spec.SpecException;
import dev.jnn.cli.spec.SpecFiles;
import dev.jnn.cli.spec.SpecNode;
import dev.jnn.cli.spec.TrainSpec;
import dev.jnn.losses.Losses;
import dev.jnn.optimizers.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search space of {@code jnn tune}: a base spec (its data, compile and fit are every trial's),
 * the hyperparameters to vary, and the objective. A trial is the base spec with the trial's values
 * written in, read by the same parser as {@code jnn train}'s specs.
 *
 * <p>Hyperparameters: {@code units}, {@code depth}, {@code activation} (default relu) and
 * {@code dropout} rebuild the model as {@code input -> depth x [Dense(units, activation), Dropout]
 * -> output}, the input and output layer taken from the base's layer list unless the space gives
 * {@code input} and {@code output}; {@code loss}, {@code optimizer}, {@code learning_rate} and
 * {@code batch_size} replace the base's.
 *
 * <pre>{@code
 * base: iris.yaml
 * objective: {metric: val_accuracy, direction: max}
 * space:
 *   units: [8, 16, 32]
 *   depth: {min: 1, max: 3}
 *   learning_rate: {min: 1e-4, max: 1e-1, log: true}
 * }</pre>
 */
public final class SearchSpace {
    /** The hyperparameters a space may vary. */
    public static final List<String> NAMES = List.of("units", "depth", "activation", "dropout", "loss", "optimizer",
            "learning_rate", "batch_size");
    private static final List<String> MODEL_PARAMS = List.of("units", "depth", "activation", "dropout");

    private final JsonNode base;
    private final Path baseDir;
    private final String baseSource;
    private final String name;
    private final Map<String, Hyperparameter> params;
    private final Objective objective;
    private final JsonNode input;
    private final JsonNode output;

    private SearchSpace(JsonNode base, Path baseDir, String baseSource, String name, Map<String, Hyperparameter> params,
                        Objective objective, JsonNode input, JsonNode output) {
        this.base = base;
        this.baseDir = baseDir;
        this.baseSource = baseSource;
        this.name = name;
        this.params = params;
        this.objective = objective;
        this.input = input;
        this.output = output;
    }

    /** The hyperparameters, in the file's order. */
    public Map<String, Hyperparameter> params() {
        return params;
    }

    /** What the search optimizes. */
    public Objective objective() {
        return objective;
    }

    /** The space's name (its file name without extension). */
    public String name() {
        return name;
    }

    /** Reads a space file (JSON or YAML); the base spec is a path relative to it or an inline object. */
    public static SearchSpace read(Path file) throws IOException {
        SpecNode root = SpecNode.root(SpecFiles.read(file)).onlyFields("base", "space", "objective", "input", "output");
        Path dir = file.toAbsolutePath().getParent();
        SpecNode baseNode = root.required("base", "a spec file (data, compile, fit) or a spec object");
        JsonNode base;
        Path baseDir;
        String baseSource;
        if (baseNode.isText()) {
            Path baseFile = dir.resolve(baseNode.text());
            if (!Files.isRegularFile(baseFile)) {
                throw baseNode.error("file " + baseFile + " not found");
            }
            base = SpecFiles.read(baseFile);
            baseDir = baseFile.toAbsolutePath().getParent();
            baseSource = baseFile.toString();
        } else {
            base = baseNode.requireObject().json();
            baseDir = dir;
            baseSource = null;
        }
        Map<String, Hyperparameter> params = new LinkedHashMap<>();
        SpecNode space = root.required("space", "the hyperparameters to search, e.g. {\"units\": [8, 16]}");
        space.onlyFields(NAMES.toArray(String[]::new));
        for (String key : space.fieldNames()) {
            params.put(key, Hyperparameter.read(space.field(key), isInteger(key), check(key)));
        }
        if (params.isEmpty()) {
            throw space.error("names no hyperparameter; allowed: " + String.join(", ", NAMES));
        }
        Objective objective = objective(root.field("objective"), base);
        JsonNode input = root.has("input") ? root.field("input").json() : null;
        JsonNode output = root.has("output") ? root.field("output").requireObject().json() : null;
        SearchSpace s = new SearchSpace(base, baseDir, baseSource, TrainSpec.baseName(file), params, objective, input,
                output);
        if (MODEL_PARAMS.stream().anyMatch(params::containsKey)) {
            s.layerEnds(root);   // the input and output layer must be known before any trial
        }
        return s;
    }

    /**
     * The spec of one trial: the base with {@code values} written in, seeded with {@code seed}, trained for
     * {@code epochs} (or the base's epochs when null).
     */
    public TrainSpec trialSpec(Map<String, Object> values, long seed, Integer epochs, String trialName) {
        ObjectNode doc = trialDocument(values, seed, epochs, trialName);
        try {
            TrainSpec spec = TrainSpec.parse(doc, baseDir, trialName);
            spec.fit().callbacks().requireNoFiles("tune");
            return spec;
        } catch (SpecException e) {
            throw baseSource != null ? new SpecException("", baseSource + ": " + e.getMessage(), e)
                    : new SpecException("base" + (e.path().isEmpty() ? "" : "." + e.path()),
                    e.getMessage().substring(e.path().isEmpty() ? 0 : e.path().length() + 2), e);
        }
    }

    /** The trial's spec document (what {@code jnn train} would read to rerun the trial). */
    public ObjectNode trialDocument(Map<String, Object> values, long seed, Integer epochs, String trialName) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = base.deepCopy();
        doc.put("name", trialName);
        doc.put("seed", seed);
        if (MODEL_PARAMS.stream().anyMatch(values::containsKey)) {
            JsonNode[] ends = layerEnds(null);
            ObjectNode model = f.objectNode();
            model.set("input", ends[0]);
            ArrayNode layers = model.putArray("layers");
            int depth = ((Number) values.getOrDefault("depth", 1)).intValue();
            for (int d = 0; d < depth; d++) {
                ObjectNode dense = layers.addObject();
                dense.put("dense", ((Number) values.getOrDefault("units", 16)).intValue());
                dense.put("activation", (String) values.getOrDefault("activation", "relu"));
                double dropout = ((Number) values.getOrDefault("dropout", 0.0)).doubleValue();
                if (dropout > 0) {
                    layers.addObject().put("dropout", dropout);
                }
            }
            layers.add(ends[1]);
            doc.set("model", model);
        }
        ObjectNode compile = base.has("compile") && base.get("compile").isObject()
                ? ((ObjectNode) base.get("compile")).deepCopy() : f.objectNode();
        if (values.containsKey("loss")) {
            compile.put("loss", (String) values.get("loss"));
        }
        if (values.containsKey("optimizer") || values.containsKey("learning_rate")) {
            compile.set("optimizer", optimizer(compile.get("optimizer"), values));
        }
        if (!compile.isEmpty()) {
            doc.set("compile", compile);
        }
        ObjectNode fit = base.has("fit") && base.get("fit").isObject() ? ((ObjectNode) base.get("fit")).deepCopy()
                : f.objectNode();
        if (values.containsKey("batch_size")) {
            fit.put("batch_size", ((Number) values.get("batch_size")).intValue());
        }
        if (epochs != null) {
            fit.put("epochs", epochs);
        }
        fit.put("verbose", 0);
        doc.set("fit", fit);
        return doc;
    }

    /**
     * A finished trial as a spec file to be written into {@code folder} (the report folder): {@code jnn
     * train} on it trains the trial's configuration again, with its seed and the epochs it reached. The
     * base's relative paths (the data files, a model file) are rewritten relative to {@code folder}, so
     * the file works where it is written.
     */
    public ObjectNode savedTrialDocument(Trial trial, Path folder) {
        ObjectNode doc = trialDocument(trial.params(), trial.seed(), trial.epochs(), name + "-best");
        if (!base.path("fit").has("verbose")) {
            ((ObjectNode) doc.get("fit")).remove("verbose");   // trials run silently; a rerun need not
        }
        if (doc.path("model").isTextual()) {
            doc.put("model", moved(doc.get("model").asText(), folder));
        }
        if (doc.get("data") instanceof ObjectNode data) {
            if (data.path("csv").isTextual()) {
                data.put("csv", moved(data.get("csv").asText(), folder));
            }
            movePaths(data.get("csv"), folder, "path");
            movePaths(data.get("npy"), folder, "x", "y");
            movePaths(data.get("idx"), folder, "images", "labels");
        }
        return doc;
    }

    private void movePaths(JsonNode node, Path folder, String... fields) {
        if (node instanceof ObjectNode object) {
            for (String field : fields) {
                if (object.path(field).isTextual()) {
                    object.put(field, moved(object.get(field).asText(), folder));
                }
            }
        }
    }

    /** {@code path} (relative to the base spec's folder, or absolute) as seen from {@code folder}. */
    private String moved(String path, Path folder) {
        if (Path.of(path).isAbsolute()) {
            return path;
        }
        Path target = baseDir.resolve(path).toAbsolutePath().normalize();
        try {
            return folder.toAbsolutePath().normalize().relativize(target).toString();
        } catch (IllegalArgumentException e) {
            return target.toString();   // another root (a Windows drive): keep it absolute
        }
    }

    /** A tuned optimizer: the tuned name (its own defaults) or the base's, with the tuned learning rate. */
    private static ObjectNode optimizer(JsonNode current, Map<String, Object> values) {
        ObjectNode opt = JsonNodeFactory.instance.objectNode();
        if (values.containsKey("optimizer")) {
            opt.put("name", (String) values.get("optimizer"));
        } else if (current == null || current.isNull()) {
            opt.put("name", "rmsprop");   // Keras's default optimizer
        } else if (current.isTextual()) {
            opt.put("name", current.asText());
        } else if (current.has("config")) {
            opt.put("name", current.path("class_name").asText());
            current.get("config").properties().forEach(e -> {
                if (!e.getKey().equals("name")) {
                    opt.set(e.getKey(), e.getValue());
                }
            });
        } else {
            opt.setAll((ObjectNode) current);
        }
        if (values.containsKey("learning_rate")) {
            opt.put("learning_rate", ((Number) values.get("learning_rate")).doubleValue());
        }
        return opt;
    }

    /** The model's input shape and output layer: the space's, else the base layer list's. */
    private JsonNode[] layerEnds(SpecNode root) {
        JsonNode model = base.get("model");
        boolean list = model != null && model.isObject() && model.has("input") && model.has("layers")
                && model.get("layers").isArray() && !model.get("layers").isEmpty();
        JsonNode in = input != null ? input : list ? model.get("input") : null;
        JsonNode out = output != null ? output : list ? model.get("layers").get(model.get("layers").size() - 1) : null;
        if (in == null || out == null) {
            throw new SpecException(in == null ? "input" : "output", "missing: units, depth, activation and dropout"
                    + " rebuild the model, so give \"input\" and \"output\" (e.g. [4] and {\"dense\": 3, \"activation\":"
                    + " \"softmax\"}) or a base whose model is a layer list");
        }
        return new JsonNode[] {in, out};
    }

    private static Objective objective(SpecNode node, JsonNode base) {
        boolean validation = base.path("data").has("validation_split") || base.path("fit").has("validation_split");
        String metric = validation ? "val_loss" : "loss";
        if (node == null) {
            return Objective.of(metric);
        }
        node.onlyFields("metric", "direction");
        if (node.has("metric")) {
            metric = node.field("metric").text();
        }
        if (node.has("direction")) {
            return new Objective(metric, node.field("direction").oneOf(List.of("min", "max")).equals("max"));
        }
        try {
            return Objective.of(metric);
        } catch (IllegalArgumentException e) {
            throw new SpecException(node.path() + ".direction", "missing: cannot tell whether " + metric
                    + " should go up or down; give \"min\" or \"max\"");
        }
    }

    private static boolean isInteger(String key) {
        return key.equals("units") || key.equals("depth") || key.equals("batch_size");
    }

    /** How each hyperparameter's values are checked. */
    private static Hyperparameter.ValueCheck check(String key) {
        return switch (key) {
            case "units" -> numeric(n -> n.intValue(1), n -> n.intValue(1));
            case "batch_size" -> numeric(n -> n.intValue(1), n -> n.intValue(1));
            case "depth" -> numeric(n -> n.intValue(0), n -> n.intValue(0));
            case "learning_rate" -> numeric(SearchSpace::positive, SearchSpace::positive);
            case "dropout" -> numeric(SearchSpace::rate, SearchSpace::rate);
            case "activation" -> n -> n.oneOf(Activations.names());
            case "loss" -> n -> n.oneOf(Losses.names());
            default -> n -> n.oneOf(Optimizers.names());
        };
    }

    private static Hyperparameter.ValueCheck numeric(java.util.function.Function<SpecNode, Object> value,
                                                     Hyperparameter.NumericCheck range) {
        return new Hyperparameter.ValueCheck() {
            @Override
            public Object value(SpecNode node) {
                return value.apply(node);
            }

            @Override
            public Hyperparameter.NumericCheck numeric() {
                return range;
            }
        };
    }

    private static double positive(SpecNode n) {
        double v = n.number();
        if (!(v > 0)) {
            throw n.error("must be > 0, got " + v);
        }
        return v;
    }

    private static double rate(SpecNode n) {
        double v = n.number();
        if (!(v >= 0 && v < 1)) {
            throw n.error("must be in [0, 1), got " + v);
        }
        return v;
    }
}
