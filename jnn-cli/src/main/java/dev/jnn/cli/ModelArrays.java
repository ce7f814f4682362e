package dev.jnn.cli;

import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the array files given for a model's inputs (and targets) and checks them against the model
 * before any work starts, so that a mistake is reported with the file, the model's input and both
 * shapes rather than deep inside a layer.
 */
final class ModelArrays {
    private ModelArrays() {
    }

    /**
     * The arrays of {@code files}, one per model input in order, each checked against the input's
     * per-sample shape when the model knows it. A CSV's {@code [rows, columns]} is reshaped to an input of
     * higher rank when the sizes agree (the inverse of how outputs are written).
     *
     * @param option the option that named the files, for messages ({@code --input})
     */
    static List<Tensor> inputs(Model model, List<Path> files, String option) throws IOException {
        List<Shape> expected = model.inputShapes();
        int wanted = expected == null ? 1 : expected.size();
        if (files.size() != wanted) {
            throw new IllegalArgumentException("model \"" + model.name() + "\" has " + count(wanted, "input")
                    + names(inputNames(model)) + ", got " + files.size() + " " + option + " file"
                    + (files.size() == 1 ? "" : "s") + " " + files);
        }
        List<Tensor> arrays = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Tensor x = ArrayFiles.read(files.get(i));
            if (expected != null) {
                x = fit(x, expected.get(i), files.get(i), option, describe(model, i, wanted));
            }
            arrays.add(x);
        }
        return arrays;
    }

    /** The arrays of {@code files}, one per model output in order ({@code --y} of fit). */
    static List<Tensor> targets(Model model, List<Path> files, String option) throws IOException {
        checkOutputCount(model, files, option);
        List<Tensor> arrays = new ArrayList<>();
        for (Path file : files) {
            arrays.add(ArrayFiles.read(file));
        }
        return arrays;
    }

    /** Checks that the number of output files matches the model's outputs. */
    static void checkOutputCount(Model model, List<Path> files, String option) {
        List<String> outputs = model.outputNames();
        if (files.size() != outputs.size()) {
            throw new IllegalArgumentException("model \"" + model.name() + "\" has " + count(outputs.size(), "output")
                    + names(outputs) + ", got " + files.size() + " " + option + " file"
                    + (files.size() == 1 ? "" : "s") + " " + files);
        }
    }

    /** Checks that every array holds the same number of samples (first axis). */
    static void checkSameSamples(List<Tensor> arrays, List<Path> files) {
        for (int i = 0; i < arrays.size(); i++) {
            Tensor a = arrays.get(i);
            if (a.shape().rank() == 0) {
                throw new IllegalArgumentException(files.get(i) + ": a scalar has no sample axis; expected shape "
                        + "(samples, ...)");
            }
            if (a.rows() != arrays.get(0).rows()) {
                throw new IllegalArgumentException("the arrays must hold the same number of samples: " + files.get(0)
                        + " has " + arrays.get(0).rows() + " " + dims(arrays.get(0).shape()) + ", " + files.get(i)
                        + " has " + a.rows() + " " + dims(a.shape()));
            }
        }
    }

    private static Tensor fit(Tensor x, Shape sample, Path file, String option, String input) {
        Shape shape = x.shape();
        if (shape.rank() >= 1 && shape.withoutBatch().equals(sample)) {
            return x;
        }
        if (shape.rank() == 2 && sample.rank() > 1 && shape.dim(1) == sample.size()) {
            return x.reshape(sample.withBatch(shape.dim(0)));
        }
        throw new IllegalArgumentException(option + " " + file + ": " + input + " expects shape "
                + sample.toKerasString() + ", the file holds shape " + dims(shape));
    }

    private static String describe(Model model, int i, int count) {
        List<String> names = inputNames(model);
        String name = names.isEmpty() ? "" : " (\"" + names.get(i) + "\")";
        return count == 1 ? "the model's input" + name : "model input " + (i + 1) + " of " + count + name;
    }

    private static List<String> inputNames(Model model) {
        return model instanceof Functional f ? f.inputs().stream().map(t -> t.layer().name()).toList() : List.of();
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "" : " " + names;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** NumPy's notation for a whole array's shape: {@code (30, 4)}, {@code (7,)}. */
    static String dims(Shape shape) {
        int[] d = shape.dims();
        if (d.length == 1) {
            return "(" + d[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < d.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(d[i]);
        }
        return sb.append(')').toString();
    }
}
