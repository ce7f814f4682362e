package dev.jnn.cli;

import dev.jnn.data.Dataset;
import dev.jnn.data.Datasets;
import dev.jnn.data.Standardization;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.MaxPooling2D;
import dev.jnn.models.CompileOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import java.io.IOException;
import java.util.List;

/** The examples of {@code jnn example}, written as a Keras user would write them. */
final class Examples {
    private Examples() {
    }

    /** Every example, in the order {@code jnn example --list} shows them. */
    static List<Example> all() {
        return List.of(new Tabular("iris", "Iris (150 flowers, 4 features, 3 species): MLP 4-16-3", 0.95, 100, 16) {
            @Override
            Dataset raw() throws IOException {
                return Datasets.iris();
            }

            @Override
            Sequential layers() {
                return new Sequential(Input.shape(4), new Dense(16, "relu"), new Dense(3, "softmax"));
            }
        }, new Tabular("digits", "8x8 digits (1,797 images, 64 pixels, 10 classes): MLP 64-64-10", 0.97, 60, 32) {
            @Override
            Dataset raw() throws IOException {
                return Datasets.digits();
            }

            @Override
            Sequential layers() {
                return new Sequential(Input.shape(64), new Dense(64, "relu"), new Dense(10, "softmax"));
            }
        }, new Images("mnist-mlp", "MNIST: MLP 784-512-512-10 with dropout 0.2 (Keras's mnist_mlp)", 0.98, 20, 128,
                false, false),
                new Images("mnist-cnn", "MNIST: Conv2D 32/64 + max-pool, dropout 0.5, Dense 10 (Keras's mnist_convnet)",
                        0.99, 15, 128, true, false),
                new Images("fashion-mnist-cnn", "Fashion-MNIST: the same convnet", 0.90, 15, 128, true, true),
                new PatternSequences());
    }

    /** A small CSV dataset: shuffled with the seed, 20% held out, standardized on the training part. */
    private abstract static class Tabular implements Example {
        private final String name;
        private final String description;
        private final double expected;
        private final int epochs;
        private final int batchSize;

        Tabular(String name, String description, double expected, int epochs, int batchSize) {
            this.name = name;
            this.description = description;
            this.expected = expected;
            this.epochs = epochs;
            this.batchSize = batchSize;
        }

        abstract Dataset raw() throws IOException;

        abstract Sequential layers();

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public double expectedAccuracy() {
            return expected;
        }

        @Override
        public int epochs() {
            return epochs;
        }

        @Override
        public int batchSize() {
            return batchSize;
        }

        @Override
        public Data load(long seed) throws IOException {
            Dataset.Split split = raw().shuffle(seed).split(0.2);
            Standardization scale = split.train().fitStandardization();
            return new Data(scale.apply(split.train()), scale.apply(split.validation()));
        }

        @Override
        public Sequential model(long seed) {
            SeedGenerator.setGlobalSeed(seed);
            Sequential model = layers();
            model.compile(CompileOptions.builder().loss("sparse_categorical_crossentropy")
                    .optimizer(new Adam(0.01f)).metrics("accuracy").build());
            return model;
        }
    }

    /** MNIST-format images scaled to [0, 1]: flattened for the MLP, [28, 28, 1] for the convnet. */
    private record Images(String name, String description, double expectedAccuracy, int epochs, int batchSize,
                          boolean convolutional, boolean fashion) implements Example {
        @Override
        public Data load(long seed) throws IOException {
            Datasets.TrainTest data = fashion ? Datasets.fashionMnist() : Datasets.mnist();
            return new Data(prepare(data.train()), prepare(data.test()));
        }

        private Dataset prepare(Dataset d) {
            Dataset scaled = d.normalize(255f);
            int n = scaled.size();
            Shape shape = convolutional ? Shape.of(n, 28, 28, 1) : Shape.of(n, 784);
            return new Dataset(scaled.x().reshape(shape), scaled.y());
        }

        @Override
        public Sequential model(long seed) {
            SeedGenerator.setGlobalSeed(seed);
            Sequential model;
            if (convolutional) {
                model = new Sequential(Input.shape(28, 28, 1), new Conv2D(32, 3, "relu"), new MaxPooling2D(),
                        new Conv2D(64, 3, "relu"), new MaxPooling2D(), new Flatten(), new Dropout(0.5f),
                        new Dense(10, "softmax"));
                model.compile(CompileOptions.builder().loss("sparse_categorical_crossentropy").optimizer("adam")
                        .metrics("accuracy").build());
            } else {
                model = new Sequential(Input.shape(784), new Dense(512, "relu"), new Dropout(0.2f),
                        new Dense(512, "relu"), new Dropout(0.2f), new Dense(10, "softmax"));
                model.compile(CompileOptions.builder().loss("sparse_categorical_crossentropy").optimizer("rmsprop")
                        .metrics("accuracy").build());
            }
            return model;
        }
    }
}
