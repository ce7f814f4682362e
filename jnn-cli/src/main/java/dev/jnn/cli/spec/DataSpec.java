package dev.jnn.cli.spec;

import dev.jnn.data.CsvOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code data} of a spec: where samples come from and how they are prepared: shuffled with
 * {@code seed} (a property of the data, not of the run, so that runs over several seeds compare on
 * the same split), cut to the first {@code limit} samples, split into test and validation parts,
 * then scaled.
 *
 * <pre>{@code
 * data: {csv: {path: iris.csv, label: species}, test_split: 0.2, validation_split: 0.2, standardize: true}
 * data: {dataset: mnist, limit: 2000, normalize: 255}
 * }</pre>
 *
 * @param source          the samples
 * @param seed            seed of the shuffle before splitting
 * @param shuffle         whether to shuffle before cutting and splitting
 * @param limit           keep only this many samples (of each part a dataset ships), or null
 * @param testSplit       fraction held out for the final evaluation, or null
 * @param validationSplit fraction held out as validation data during fit, or null
 * @param standardize     standardize features with the training part's mean and std
 * @param normalize       divide features by this (e.g. 255 for images), or null
 * @param oneHot          turn class-index labels into one-hot rows
 */
public record DataSpec(Source source, long seed, boolean shuffle, Integer limit, Double testSplit,
                       Double validationSplit, boolean standardize, Float normalize, boolean oneHot) {

    /** Names {@code data.dataset} accepts, as Keras's {@code keras.datasets} modules and sklearn call them. */
    public static final List<String> DATASETS = List.of("iris", "wine", "breast_cancer", "digits", "mnist",
            "fashion_mnist");

    /** Where the samples come from. */
    public sealed interface Source {
    }

    /**
     * A CSV file.
     *
     * @param file      the file (plain or gzip)
     * @param options   delimiter, header, label column and how labels are read
     */
    public record CsvSource(Path file, CsvOptions options) implements Source {
    }

    /** Features and targets in two {@code .npy} files. */
    public record NpySource(Path x, Path y) implements Source {
    }

    /** Images and labels in two IDX files (MNIST's format). */
    public record IdxSource(Path images, Path labels) implements Source {
    }

    /** One of the datasets in {@code $JNN_DATA} (default {@code ../shared/datasets}), by name. */
    public record NamedSource(String name) implements Source {
    }

    private static final List<String> LABEL_KINDS = List.of("classes", "indices", "numbers");

    /** Reads {@code data}; paths resolve against {@code baseDir}. */
    static DataSpec read(SpecNode node, Path baseDir) {
        node.onlyFields("csv", "npy", "idx", "dataset", "seed", "shuffle", "limit", "test_split", "validation_split",
                "standardize", "normalize", "one_hot");
        List<String> given = node.fieldNames().stream()
                .filter(k -> List.of("csv", "npy", "idx", "dataset").contains(k)).toList();
        if (given.size() != 1) {
            throw node.error("give exactly one source: csv, npy, idx or dataset" + (given.isEmpty() ? ""
                    : "; got " + String.join(" and ", given)));
        }
        Source source = switch (given.get(0)) {
            case "csv" -> csv(node.field("csv"), baseDir);
            case "npy" -> {
                SpecNode n = node.field("npy").onlyFields("x", "y");
                yield new NpySource(file(n.required("x", "the features .npy file"), baseDir),
                        file(n.required("y", "the targets .npy file"), baseDir));
            }
            case "idx" -> {
                SpecNode n = node.field("idx").onlyFields("images", "labels");
                yield new IdxSource(file(n.required("images", "the images IDX file"), baseDir),
                        file(n.required("labels", "the labels IDX file"), baseDir));
            }
            default -> new NamedSource(node.field("dataset").oneOf(DATASETS));
        };
        long seed = node.has("seed") ? node.field("seed").intValue(0) : 0;
        boolean shuffle = !node.has("shuffle") || node.field("shuffle").bool();
        Integer limit = node.has("limit") ? node.field("limit").intValue(1) : null;
        Double test = node.has("test_split") ? node.field("test_split").fraction() : null;
        Double validation = node.has("validation_split") ? node.field("validation_split").fraction() : null;
        if (test != null && source instanceof NamedSource(String name) && (name.equals("mnist")
                || name.equals("fashion_mnist"))) {
            throw node.field("test_split").error(name + " comes with its own test set; remove test_split");
        }
        boolean standardize = node.has("standardize") && node.field("standardize").bool();
        Float normalize = null;
        if (node.has("normalize")) {
            double v = node.field("normalize").number();
            if (!(v != 0 && Double.isFinite(v))) {
                throw node.field("normalize").error("must be a non-zero number to divide the features by, got " + v);
            }
            normalize = (float) v;
        }
        boolean oneHot = node.has("one_hot") && node.field("one_hot").bool();
        return new DataSpec(source, seed, shuffle, limit, test, validation, standardize, normalize, oneHot);
    }

    private static CsvSource csv(SpecNode node, Path baseDir) {
        if (node.isText()) {
            return new CsvSource(file(node, baseDir), CsvOptions.defaults().labelColumn(-1)
                    .labels(CsvOptions.Labels.CLASS_NAMES));
        }
        node.onlyFields("path", "label", "header", "delimiter", "skip_lines", "labels");
        Path file = file(node.required("path", "the CSV file"), baseDir);
        boolean header = !node.has("header") || node.field("header").bool();
        CsvOptions options = CsvOptions.defaults().header(header);
        if (node.has("delimiter")) {
            String d = node.field("delimiter").text();
            if (d.length() != 1) {
                throw node.field("delimiter").error("must be one character, got \"" + d + "\"");
            }
            options = options.delimiter(d.charAt(0));
        }
        if (node.has("skip_lines")) {
            options = options.skipLines(node.field("skip_lines").intValue(0));
        }
        SpecNode label = node.field("label");
        if (label == null) {
            options = options.labelColumn(-1);
        } else if (label.isText()) {
            if (!header) {
                throw label.error("a label column by name needs header: true; give its index instead");
            }
            options = options.labelColumn(label.text());
        } else {
            double v = label.number();
            if (v != Math.rint(v)) {
                throw label.error("must be a column name or a whole index (negative counts from the end), got " + v);
            }
            options = options.labelColumn((int) v);
        }
        String kind = node.has("labels") ? node.field("labels").oneOf(LABEL_KINDS) : "classes";
        return new CsvSource(file, options.labels(switch (kind) {
            case "indices" -> CsvOptions.Labels.CLASS_INDICES;
            case "numbers" -> CsvOptions.Labels.NUMBERS;
            default -> CsvOptions.Labels.CLASS_NAMES;
        }));
    }

    private static Path file(SpecNode node, Path baseDir) {
        return baseDir.resolve(node.text());
    }
}
