package dev.jnn.data;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable pair of features {@code x} and targets {@code y} with the same number of samples
 * (axis 0). Every operation returns a new dataset over copied data; the tensors given to the
 * constructor are not copied, so do not change them afterwards.
 *
 * <pre>{@code
 * Dataset all = Datasets.iris().shuffle(42);
 * Dataset.Split s = all.split(0.2);                     // last 20 % as validation, as Keras does
 * Standardization st = s.train().fitStandardization();
 * Dataset train = st.apply(s.train()).oneHot(3), val = st.apply(s.validation()).oneHot(3);
 * for (Dataset batch : train.batches(32)) { ... }
 * }</pre>
 */
public final class Dataset {
    private final Tensor x;
    private final Tensor y;

    /**
     * A dataset of {@code x} (shape {@code [n, ...]}) and {@code y} (shape {@code [n, ...]}).
     *
     * @throws IllegalArgumentException when either is rank 0 or their first axes differ
     */
    public Dataset(Tensor x, Tensor y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("dataset: x and y must not be null");
        }
        if (x.shape().rank() == 0 || y.shape().rank() == 0) {
            throw new IllegalArgumentException("dataset: x and y need a sample axis, got x " + x.shape()
                    + " and y " + y.shape());
        }
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("dataset: x has " + x.rows() + " samples " + x.shape()
                    + " but y has " + y.rows() + " " + y.shape());
        }
        this.x = x;
        this.y = y;
    }

    /** A dataset of float features and integer class labels (stored as floats, shape {@code [n]}). */
    public static Dataset of(float[][] x, int[] labels) {
        return new Dataset(Tensor.of(x), Tensor.ofLabels(labels));
    }

    /** The features, shape {@code [n, ...]}. */
    public Tensor x() {
        return x;
    }

    /** The targets, shape {@code [n, ...]}. */
    public Tensor y() {
        return y;
    }

    /** Number of samples. */
    public int size() {
        return x.rows();
    }

    /** The samples in an order drawn from {@code seed} (Fisher-Yates); equal seeds give equal orders. */
    public Dataset shuffle(long seed) {
        int n = size();
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        var random = new RandomStream(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        return new Dataset(x.gatherRows(index, 0, n), y.gatherRows(index, 0, n));
    }

    /** A training part and a validation part. */
    public record Split(Dataset train, Dataset validation) {
    }

    /**
     * Splits off the last {@code validationFraction} of the samples as validation data, without
     * shuffling, as Keras's {@code validation_split}: the training part has
     * {@code floor(n * (1 - fraction))} samples.
     *
     * @throws IllegalArgumentException when the fraction is not in (0, 1) or a part would be empty
     */
    public Split split(double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("split: validationFraction must be in (0, 1), got "
                    + validationFraction);
        }
        int n = size();
        int at = (int) Math.floor(n * (1.0 - validationFraction));
        if (at == 0 || at == n) {
            throw new IllegalArgumentException("split: " + n + " samples with validationFraction "
                    + validationFraction + " leave " + at + " for training and " + (n - at)
                    + " for validation; both must be non-empty");
        }
        return new Split(slice(0, at), slice(at, n));
    }

    /** The first {@code n} samples (all of them when {@code n >= size()}). */
    public Dataset take(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("take: n must be >= 0, got " + n);
        }
        return slice(0, Math.min(n, size()));
    }

    /** Samples {@code [from, to)}. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("slice: [" + from + ", " + to + ") out of range for "
                    + size() + " samples");
        }
        return new Dataset(x.sliceRows(from, to), y.sliceRows(from, to));
    }

    /**
     * Consecutive batches of {@code batchSize} samples in order; the last one holds the remainder.
     * Each batch is copied when the iterator reaches it.
     */
    public Iterable<Dataset> batches(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batches: batchSize must be > 0, got " + batchSize);
        }
        return () -> new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Dataset next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(size(), next + batchSize);
                Dataset b = slice(next, to);
                next = to;
                return b;
            }
        };
    }

    /** The number of batches {@link #batches} yields: {@code ceil(n / batchSize)}. */
    public int batchCount(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchCount: batchSize must be > 0, got " + batchSize);
        }
        return (size() + batchSize - 1) / batchSize;
    }

    /**
     * The labels {@code y} (shape {@code [n]} or {@code [n, 1]}, whole numbers in
     * {@code [0, classes)}) as one-hot rows of shape {@code [n, classes]}, like
     * {@code keras.utils.to_categorical}.
     */
    public Dataset oneHot(int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("oneHot: classes must be > 0, got " + classes);
        }
        Shape s = y.shape();
        if (!(s.rank() == 1 || (s.rank() == 2 && s.dim(1) == 1))) {
            throw new IllegalArgumentException("oneHot: y must have shape [n] or [n, 1] of class indices, got " + s);
        }
        int n = size();
        float[] out = new float[n * classes];
        float[] labels = y.data();
        for (int i = 0; i < n; i++) {
            float v = labels[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new IllegalArgumentException("oneHot: label " + v + " at sample " + i
                        + " is not a class index in [0, " + classes + ")");
            }
            out[i * classes + (int) v] = 1f;
        }
        return new Dataset(x, new Tensor(Shape.of(n, classes), out));
    }

    /** The features divided by {@code divisor} (e.g. 255 for 8-bit images); y unchanged. */
    public Dataset normalize(float divisor) {
        if (!(divisor != 0 && Float.isFinite(divisor))) {
            throw new IllegalArgumentException("normalize: divisor must be finite and non-zero, got " + divisor);
        }
        float[] d = x.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] / divisor;
        }
        return new Dataset(new Tensor(x.shape(), d), y);
    }

    /**
     * The per-feature mean and standard deviation of {@code x} over the samples (axis 0; every
     * other position is its own feature), to apply to this and other datasets.
     */
    public Standardization fitStandardization() {
        return Standardization.fit(x);
    }

    /** This dataset standardized with its own statistics: {@code fitStandardization().apply(this)}. */
    public Dataset standardize() {
        return fitStandardization().apply(this);
    }

    /** A copy with features {@code x} replaced; used by transforms. */
    Dataset withX(Tensor newX) {
        return new Dataset(newX, y);
    }

    @Override
    public String toString() {
        return "Dataset[x=" + x.shape() + ", y=" + y.shape() + "]";
    }
}
