package dev.jnn.metrics;

/**
 * Keras's {@code Recall}: the weighted fraction of true positives that were predicted positive.
 *
 * <p>{@code recall = TP / (TP + FN)} (0 when there was no positive label), counted over every
 * element since the last reset: an element is predicted positive when {@code yPred > threshold}
 * (strict) and is truly positive when {@code yTrue != 0}; each counts with its sample's weight.
 * Options as in Keras: {@code topK} keeps only the k largest scores of each row (and lowers the
 * default threshold to {@code -1e10}), {@code classId} looks at one column of {@code [N, C]} inputs.
 *
 * <pre>{@code
 * Metric m = new Recall();
 * m.update(Tensor.of(new float[] {0, 1, 1, 1}), Tensor.of(new float[] {1, 0, 1, 1}), null);
 * m.result();   // 2/3 (two of the three positives found)
 * }</pre>
 */
public final class Recall extends ConfusionMetric {
    /**
     * Keras's constructor arguments; null means "not given", as Keras's {@code None}.
     *
     * @param threshold decision threshold in [0, 1]; null means 0.5, or -1e10 when topK is set
     * @param topK      count only the topK largest scores of each row, or null
     * @param classId   count only this column of the last axis, or null
     */
    public record Config(Float threshold, Integer topK, Integer classId) {
        public Config {
            ConfusionOptions.validate(threshold, topK, classId);
        }

        /** Keras's defaults: threshold 0.5, every score, every class. */
        public static Config defaults() {
            return new Config(null, null, null);
        }
    }

    private final Config config;

    /** Named {@code "recall"}, threshold 0.5. */
    public Recall() {
        this("recall", Config.defaults());
    }

    /** With the given log name and options. */
    public Recall(String name, Config config) {
        super(name, config.threshold(), config.topK(), config.classId());
        this.config = config;
    }

    /** The options this metric was built with. */
    public Config options() {
        return config;
    }

    @Override
    public double result() {
        return ThresholdCounts.divideNoNan(counts.truePositives, counts.truePositives + counts.falseNegatives);
    }
}
