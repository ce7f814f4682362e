package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code F1Score} for multi-class or multi-label {@code [N, C]} inputs.
 *
 * <p>Per class c, with weights w_i: {@code TP_c = Σ w_i·ŷ_ic·y_ic}, {@code FP_c = Σ w_i·ŷ_ic·(1-y_ic)},
 * {@code FN_c = Σ w_i·(1-ŷ_ic)·y_ic}; then {@code P = TP/(TP+FP+ε)}, {@code R = TP/(TP+FN+ε)},
 * {@code F1 = 2·P·R/(P+R+ε)} with ε = 1e-7. Labels y are used as given (soft labels count
 * fractionally). The decision ŷ is {@code yPred > threshold}, or, with no threshold (the default),
 * 1 for the entries equal to their row's maximum unless that maximum is below 1e-9 in magnitude.
 *
 * <p>Averages: MICRO sums the counts over classes first; MACRO is the plain mean of the per-class
 * scores; WEIGHTED weighs each class by its share of {@code Σ w_i·y_ic}. Keras's default
 * {@code average=None} returns the per-class vector; since {@link #result()} is one number, with no
 * average it returns the mean over classes (the MACRO value) and {@link #perClass()} gives the
 * vector Keras would return.
 *
 * <pre>{@code
 * F1Score f1 = new F1Score();                       // average = null, threshold = null
 * f1.update(yTrue, yPred, null);                    // [N, C] each
 * double mean = f1.result();
 * double[] byClass = f1.perClass();
 * }</pre>
 */
public final class F1Score extends Metric {
    private static final double EPSILON = 1e-7;

    /** How the per-class scores are reduced to one number. */
    public enum Average {
        MICRO, MACRO, WEIGHTED;

        /** Parses Keras's spelling: {@code "micro"}, {@code "macro"}, {@code "weighted"}; null stays null. */
        public static Average of(String name) {
            if (name == null) {
                return null;
            }
            return switch (name) {
                case "micro" -> MICRO;
                case "macro" -> MACRO;
                case "weighted" -> WEIGHTED;
                default -> throw new IllegalArgumentException(
                        "average must be one of [null, micro, macro, weighted], got \"" + name + "\"");
            };
        }

        String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Keras's constructor arguments.
     *
     * @param average   MICRO, MACRO, WEIGHTED, or null (Keras's default: per-class scores)
     * @param threshold decision threshold in (0, 1], or null (Keras's default: each row's maximum)
     */
    public record Config(Average average, Float threshold) {
        public Config {
            if (threshold != null && !(threshold > 0f && threshold <= 1f)) {
                throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
            }
        }

        /** Keras's defaults: no average, arg-max decisions. */
        public static Config defaults() {
            return new Config(null, null);
        }
    }

    private final Config config;
    // Per-class sums, sized on the first update as Keras builds its variables then.
    private double[] truePositives = new double[0];
    private double[] falsePositives = new double[0];
    private double[] falseNegatives = new double[0];
    private double[] support = new double[0];

    /** Named {@code "f1_score"}, Keras's defaults. */
    public F1Score() {
        this("f1_score", Config.defaults());
    }

    /** With the given log name and options. */
    public F1Score(String name, Config config) {
        super(name);
        this.config = config;
    }

    /** The options this metric was built with. */
    public Config options() {
        return config;
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        if (yPred.shape().rank() != 2 || !yTrue.shape().equals(yPred.shape())) {
            throw new IllegalArgumentException(name() + ": expects yTrue and yPred of the same shape"
                    + " [N, C], got yTrue " + yTrue.shape() + " and yPred " + yPred.shape());
        }
        int batch = yPred.shape().dim(0);
        int classes = yPred.shape().dim(1);
        MetricInputs.requireSampleWeight(name(), sampleWeight, batch);
        if (truePositives.length == 0) {
            truePositives = new double[classes];
            falsePositives = new double[classes];
            falseNegatives = new double[classes];
            support = new double[classes];
        } else if (truePositives.length != classes) {
            throw new IllegalArgumentException(name() + ": was built for " + truePositives.length
                    + " classes, got yPred " + yPred.shape());
        }
        float[] t = yTrue.data();
        float[] p = yPred.data();
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            float rowMax = p[row + MetricInputs.argmax(p, row, classes)];
            double w = sampleWeight == null ? 1.0 : sampleWeight[i];
            for (int c = 0; c < classes; c++) {
                float score = p[row + c];
                boolean positive = config.threshold() == null
                        ? score >= rowMax && Math.abs(score) > 1e-9f
                        : score > config.threshold();
                double decided = positive ? 1.0 : 0.0;
                double label = t[row + c];
                truePositives[c] += w * decided * label;
                falsePositives[c] += w * decided * (1 - label);
                falseNegatives[c] += w * (1 - decided) * label;
                support[c] += w * label;
            }
        }
    }

    /**
     * The F1 score of each class (what Keras's {@code result()} returns with {@code average=None});
     * empty before the first update.
     */
    public double[] perClass() {
        double[] out = new double[truePositives.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = f1(truePositives[c], falsePositives[c], falseNegatives[c]);
        }
        return out;
    }

    /** The averaged score; with no average, the mean of {@link #perClass()}. 0 before any update. */
    @Override
    public double result() {
        if (truePositives.length == 0) {
            return 0.0;
        }
        if (config.average() == Average.MICRO) {
            return f1(Arrays.stream(truePositives).sum(), Arrays.stream(falsePositives).sum(),
                    Arrays.stream(falseNegatives).sum());
        }
        double[] scores = perClass();
        if (config.average() == Average.WEIGHTED) {
            double totalSupport = Arrays.stream(support).sum() + EPSILON;
            double sum = 0;
            for (int c = 0; c < scores.length; c++) {
                sum += scores[c] * support[c] / totalSupport;
            }
            return sum;
        }
        return Arrays.stream(scores).average().orElse(0.0);
    }

    private static double f1(double tp, double fp, double fn) {
        double precision = tp / (tp + fp + EPSILON);
        double recall = tp / (tp + fn + EPSILON);
        return 2 * precision * recall / (precision + recall + EPSILON);
    }

    @Override
    public void reset() {
        Arrays.fill(truePositives, 0);
        Arrays.fill(falsePositives, 0);
        Arrays.fill(falseNegatives, 0);
        Arrays.fill(support, 0);
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.with(name(), "average", config.average() == null ? null : config.average().kerasName(),
                "threshold", config.threshold() == null ? null : (double) config.threshold());
    }
}
