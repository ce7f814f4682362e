package dev.jnn.data;

import dev.jnn.tensor.Tensor;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Loaders for the offline datasets kept beside the project (Iris, Wine, Breast Cancer, 8x8 digits,
 * MNIST, Fashion-MNIST), found in {@link #dir()}.
 *
 * <p>Values are as stored: MNIST pixels are 0..255 floats of shape {@code [n, 28, 28]} (like
 * {@code keras.datasets.mnist.load_data()}), digits pixels 0..16 of shape {@code [n, 64]}; labels
 * are class indices of shape {@code [n]}. Normalize with {@link Dataset#normalize(float)}.
 *
 * <pre>{@code
 * Datasets.TrainTest mnist = Datasets.mnist();
 * Dataset train = mnist.train().normalize(255f);   // x [60000, 28, 28], y [60000]
 * }</pre>
 */
public final class Datasets {
    /** The environment variable that overrides {@link #dir()}. */
    public static final String ENV = "JNN_DATA";
    /** Iris class names, in label order. */
    public static final List<String> IRIS_CLASSES = List.of("setosa", "versicolor", "virginica");
    /** Fashion-MNIST class names, in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private Datasets() {
    }

    /** A training and a test set. */
    public record TrainTest(Dataset train, Dataset test) {
    }

    /**
     * The dataset folder: the environment variable {@code JNN_DATA} when set, else
     * {@code ../shared/datasets} relative to the root of the repository that holds the working
     * directory (the nearest ancestor with a {@code .git} entry; the working directory itself
     * when there is none). The folder may not exist; loaders say so.
     */
    public static Path dir() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path root = cwd;
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                root = p;
                break;
            }
        }
        Path parent = root.getParent() != null ? root.getParent() : root;
        return parent.resolve("shared").resolve("datasets").normalize();
    }

    /** Whether {@link #dir()} holds {@code relative}; tests use it to skip when data is absent. */
    public static boolean available(String relative) {
        return Files.isRegularFile(dir().resolve(relative));
    }

    /** Iris: x {@code [150, 4]} (sepal length, sepal width, petal length, petal width, cm), y {@code [150]}. */
    public static Dataset iris() throws IOException {
        return sklearnCsv("sklearn/iris.csv");
    }

    /** Wine: x {@code [178, 13]}, y {@code [178]} in 0..2. */
    public static Dataset wine() throws IOException {
        return sklearnCsv("sklearn/wine_data.csv");
    }

    /** Breast Cancer Wisconsin (Diagnostic): x {@code [569, 30]}, y {@code [569]} (0 malignant, 1 benign). */
    public static Dataset breastCancer() throws IOException {
        return sklearnCsv("sklearn/breast_cancer.csv");
    }

    /** 8x8 digits: x {@code [1797, 64]} of 0..16, y {@code [1797]} in 0..9. */
    public static Dataset digits() throws IOException {
        Path file = require("sklearn/digits.csv.gz");
        return Csv.read(file, CsvOptions.defaults().header(false).labelColumn(-1)
                .labels(CsvOptions.Labels.CLASS_INDICES)).toDataset();
    }

    /** MNIST: train x {@code [60000, 28, 28]}, test x {@code [10000, 28, 28]}, pixels 0..255. */
    public static TrainTest mnist() throws IOException {
        return idxPair("mnist");
    }

    /** Fashion-MNIST, same layout as {@link #mnist()}; class names in {@link #FASHION_MNIST_CLASSES}. */
    public static TrainTest fashionMnist() throws IOException {
        return idxPair("fashion-mnist");
    }

    private static TrainTest idxPair(String folder) throws IOException {
        return new TrainTest(
                idx(folder + "/train-images-idx3-ubyte.gz", folder + "/train-labels-idx1-ubyte.gz"),
                idx(folder + "/t10k-images-idx3-ubyte.gz", folder + "/t10k-labels-idx1-ubyte.gz"));
    }

    private static Dataset idx(String images, String labels) throws IOException {
        Tensor x = Idx.read(require(images));
        int[] y = Idx.readLabels(require(labels));
        return new Dataset(x, Tensor.ofLabels(y));
    }

    /**
     * scikit-learn's bundled CSV layout: line 1 is {@code n_samples,n_features,class names...},
     * then {@code n_features} floats and an integer label per line.
     */
    static Dataset sklearnCsv(String relative) throws IOException {
        Path file = require(relative);
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        }
        String[] head = first == null ? new String[0] : first.split(",");
        int samples;
        int features;
        try {
            samples = Integer.parseInt(head[0].strip());
            features = Integer.parseInt(head[1].strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": line 1 must be 'n_samples,n_features,class names...', got '"
                    + first + "'");
        }
        Dataset d = Csv.read(file, CsvOptions.defaults().header(false).skipLines(1).labelColumn(-1)
                .labels(CsvOptions.Labels.CLASS_INDICES)).toDataset();
        if (d.size() != samples || d.x().rowSize() != features) {
            throw new IllegalArgumentException(file + ": header announces " + samples + " x " + features
                    + " but the file holds " + d.x().shape() + " (" + Arrays.toString(head) + ")");
        }
        return d;
    }

    private static Path require(String relative) throws FileNotFoundException {
        return require(dir(), relative);
    }

    /** {@code dir/relative}, or a FileNotFoundException naming it and {@link #ENV}. */
    static Path require(Path dir, String relative) throws FileNotFoundException {
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("dataset file " + file + " is missing; set the environment variable "
                    + ENV + " to the folder holding " + relative + " (default: ../shared/datasets beside the"
                    + " repository root)");
        }
        return file;
    }
}
