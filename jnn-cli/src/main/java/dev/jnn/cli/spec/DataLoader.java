package dev.jnn.cli.spec;

import dev.jnn.data.Csv;
import dev.jnn.data.Dataset;
import dev.jnn.data.Datasets;
import dev.jnn.data.Idx;
import dev.jnn.data.Npy;
import dev.jnn.data.Standardization;
import dev.jnn.tensor.Tensor;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads and prepares a {@link DataSpec}: read, shuffle with the data's seed, cut to the limit, split
 * off test then validation samples, then scale every part with statistics of the training part only
 * (so nothing of the held-out samples leaks into training).
 *
 * <pre>{@code
 * LoadedData d = DataLoader.load(spec.data());
 * model.fit(d.train().x(), d.train().y(), options);
 * }</pre>
 */
public final class DataLoader {
    private DataLoader() {
    }

    /** The prepared data; a missing file or a malformed one is a {@link SpecException} naming {@code data}. */
    public static LoadedData load(DataSpec spec) throws IOException {
        Dataset all;
        Dataset shippedTest = null;
        try {
            switch (spec.source()) {
                case DataSpec.CsvSource csv -> all = Csv.read(existing(csv.file(), "data.csv.path"), csv.options())
                        .toDataset();
                case DataSpec.NpySource npy -> all = new Dataset(Npy.read(existing(npy.x(), "data.npy.x")),
                        Npy.read(existing(npy.y(), "data.npy.y")));
                case DataSpec.IdxSource idx -> all = new Dataset(Idx.read(existing(idx.images(), "data.idx.images")),
                        Tensor.ofLabels(Idx.readLabels(existing(idx.labels(), "data.idx.labels"))));
                case DataSpec.NamedSource named -> {
                    switch (named.name()) {
                        case "iris" -> all = Datasets.iris();
                        case "wine" -> all = Datasets.wine();
                        case "breast_cancer" -> all = Datasets.breastCancer();
                        case "digits" -> all = Datasets.digits();
                        default -> {
                            Datasets.TrainTest both = named.name().equals("mnist") ? Datasets.mnist()
                                    : Datasets.fashionMnist();
                            all = both.train();
                            shippedTest = both.test();
                        }
                    }
                }
            }
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new SpecException("data", e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e instanceof SpecException ? e : new SpecException("data", e.getMessage(), e);
        }
        if (spec.shuffle()) {
            all = all.shuffle(spec.seed());
        }
        if (spec.limit() != null) {
            all = all.take(spec.limit());
            shippedTest = shippedTest == null ? null : shippedTest.take(spec.limit());
        }
        Dataset test = shippedTest;
        if (spec.testSplit() != null) {
            Dataset.Split s = split(all, spec.testSplit(), "data.test_split");
            all = s.train();
            test = s.validation();
        }
        Dataset validation = null;
        if (spec.validationSplit() != null) {
            Dataset.Split s = split(all, spec.validationSplit(), "data.validation_split");
            all = s.train();
            validation = s.validation();
        }
        return prepare(spec, all, validation, test);
    }

    private static LoadedData prepare(DataSpec spec, Dataset train, Dataset validation, Dataset test) {
        if (spec.normalize() != null) {
            float by = spec.normalize();
            train = train.normalize(by);
            validation = validation == null ? null : validation.normalize(by);
            test = test == null ? null : test.normalize(by);
        }
        if (spec.standardize()) {
            Standardization st = train.fitStandardization();
            train = st.apply(train);
            validation = validation == null ? null : st.apply(validation);
            test = test == null ? null : st.apply(test);
        }
        if (spec.oneHot()) {
            int classes = Math.max(maxLabel(train), Math.max(maxLabel(validation), maxLabel(test))) + 1;
            try {
                train = train.oneHot(classes);
                validation = validation == null ? null : validation.oneHot(classes);
                test = test == null ? null : test.oneHot(classes);
            } catch (IllegalArgumentException e) {
                throw new SpecException("data.one_hot", e.getMessage(), e);
            }
        }
        return new LoadedData(train, validation, test);
    }

    private static Dataset.Split split(Dataset d, double fraction, String path) {
        try {
            return d.split(fraction);
        } catch (IllegalArgumentException e) {
            throw new SpecException(path, e.getMessage(), e);
        }
    }

    private static int maxLabel(Dataset d) {
        if (d == null) {
            return -1;
        }
        float max = -1;
        for (float v : d.y().data()) {
            max = Math.max(max, v);
        }
        return (int) max;
    }

    private static Path existing(Path file, String path) {
        if (!Files.isRegularFile(file)) {
            throw new SpecException(path, "file " + file + " not found");
        }
        return file;
    }
}
