package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code AUC}: the area under the ROC (or precision-recall) curve, approximated on a fixed
 * grid of thresholds.
 *
 * <p>Thresholds: {@code [-ε, 1/(T-1), 2/(T-1), ..., (T-2)/(T-1), 1+ε]} with {@code T = numThresholds}
 * (default 200) and ε = 1e-7, so a score of exactly 0 counts as positive at the first threshold and
 * nothing at the last. Each element of {@code yPred}, clipped to [0, 1] (after a sigmoid when
 * {@code fromLogits}), is sorted into bucket {@code max(ceil(p·(T-1)) - 1, 0)} computed in float32 as
 * Keras does; {@code TP[t]} is the weight of positive labels ({@code yTrue != 0}) in buckets
 * {@code >= t}, likewise FP, and {@code TN = negatives - FP}, {@code FN = positives - TP}.
 *
 * <p>The result is {@code Σ_t (x[t] - x[t+1]) · h_t} with, for the ROC curve, x = FP/(FP+TN) and
 * y = TP/(TP+FN); h is the mean of y[t] and y[t+1] (interpolation), their minimum (minoring) or
 * maximum (majoring). The PR curve with interpolation uses Davis and Goadrich's interpolation, as
 * Keras's {@code interpolate_pr_auc}. Divisions by zero give 0. Multi-label mode and explicit
 * threshold lists are not supported.
 *
 * <pre>{@code
 * Metric auc = new AUC();
 * auc.update(Tensor.of(new float[] {0, 0, 1, 1}), Tensor.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}), null);
 * auc.result();   // 0.75
 * }</pre>
 */
public final class AUC extends Metric {
    /** Which curve to integrate. */
    public enum Curve {
        /** Receiver operating characteristic: recall against false-positive rate. */
        ROC,
        /** Precision against recall. */
        PR,
        /** Precision gain against recall gain (Flach and Kull). */
        PRGAIN;

        /** Parses Keras's spelling ({@code "ROC"}, {@code "roc"}, {@code "PR"}, ...). */
        public static Curve of(String name) {
            return switch (name) {
                case "ROC", "roc" -> ROC;
                case "PR", "pr" -> PR;
                case "PRGAIN", "prgain" -> PRGAIN;
                default -> throw new IllegalArgumentException(
                        "curve must be one of [ROC, PR, PRGAIN], got \"" + name + "\"");
            };
        }
    }

    /** How each trapezoid's height is chosen. */
    public enum SummationMethod {
        /** Mean of the two ends (trapezoids); PR uses Keras's interpolation instead. */
        INTERPOLATION,
        /** The larger end: an upper Riemann sum. */
        MAJORING,
        /** The smaller end: a lower Riemann sum. */
        MINORING;

        /** Parses Keras's spelling ({@code "interpolation"}, {@code "Majoring"}, ...). */
        public static SummationMethod of(String name) {
            return switch (name) {
                case "interpolation", "Interpolation" -> INTERPOLATION;
                case "majoring", "Majoring" -> MAJORING;
                case "minoring", "Minoring" -> MINORING;
                default -> throw new IllegalArgumentException(
                        "summationMethod must be one of [interpolation, majoring, minoring], got \"" + name + "\"");
            };
        }

        String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Keras's constructor arguments that jnn supports.
     *
     * @param numThresholds   number of thresholds T, > 1 (Keras default 200)
     * @param curve           ROC (default), PR or PRGAIN
     * @param summationMethod INTERPOLATION (default), MAJORING or MINORING
     * @param fromLogits      whether {@code yPred} holds logits (a sigmoid is applied first)
     */
    public record Config(int numThresholds, Curve curve, SummationMethod summationMethod, boolean fromLogits) {
        public Config {
            if (numThresholds <= 1) {
                throw new IllegalArgumentException("numThresholds must be > 1, got " + numThresholds);
            }
            if (curve == null) {
                throw new IllegalArgumentException("curve must not be null");
            }
            if (summationMethod == null) {
                throw new IllegalArgumentException("summationMethod must not be null");
            }
        }

        /** Keras's defaults: 200 thresholds, ROC, interpolation, probabilities. */
        public static Config defaults() {
            return new Config(200, Curve.ROC, SummationMethod.INTERPOLATION, false);
        }
    }

    private final Config config;
    // Weight of positive / negative labels whose score falls in each bucket; cumulated in result().
    private final double[] positiveBuckets;
    private final double[] negativeBuckets;

    /** Named {@code "auc"}, Keras's defaults. */
    public AUC() {
        this("auc", Config.defaults());
    }

    /** With the given log name and options. */
    public AUC(String name, Config config) {
        super(name);
        this.config = config;
        this.positiveBuckets = new double[config.numThresholds()];
        this.negativeBuckets = new double[config.numThresholds()];
    }

    /** The options this metric was built with. */
    public Config options() {
        return config;
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        MetricInputs.requireSameSize(name(), yTrue, yPred);
        int batch = MetricInputs.batchSize(yPred);
        MetricInputs.requireSampleWeight(name(), sampleWeight, batch);
        int perSample = batch == 0 ? 0 : yPred.size() / batch;
        float scale = config.numThresholds() - 1;
        float[] t = yTrue.data();
        float[] p = yPred.data();
        for (int j = 0; j < p.length; j++) {
            float score = config.fromLogits() ? (float) (1.0 / (1.0 + Math.exp(-p[j]))) : p[j];
            score = Math.min(Math.max(score, 0f), 1f);
            // float32 product as in Keras, so scores on a threshold land in the same bucket.
            int bucket = Math.max((int) Math.ceil(score * scale) - 1, 0);
            double w = sampleWeight == null ? 1.0 : sampleWeight[j / perSample];
            if (t[j] != 0f) {
                positiveBuckets[bucket] += w;
            } else {
                negativeBuckets[bucket] += w;
            }
        }
    }

    @Override
    public double result() {
        int n = config.numThresholds();
        double[] tp = suffixSums(positiveBuckets);
        double[] fp = suffixSums(negativeBuckets);
        double[] fn = new double[n];
        double[] tn = new double[n];
        for (int i = 0; i < n; i++) {
            fn[i] = tp[0] - tp[i];
            tn[i] = fp[0] - fp[i];
        }
        if (config.curve() == Curve.PR && config.summationMethod() == SummationMethod.INTERPOLATION) {
            return interpolatedPrAuc(tp, fp, fn);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double recall = ThresholdCounts.divideNoNan(tp[i], tp[i] + fn[i]);
            switch (config.curve()) {
                case ROC -> {
                    x[i] = ThresholdCounts.divideNoNan(fp[i], fp[i] + tn[i]);
                    y[i] = recall;
                }
                case PR -> {
                    x[i] = recall;
                    y[i] = ThresholdCounts.divideNoNan(tp[i], tp[i] + fp[i]);
                }
                case PRGAIN -> {
                    double scaling = ThresholdCounts.divideNoNan(tp[i] + fn[i], tn[i] + fp[i]);
                    double recallGain = 1.0 - scaling * ThresholdCounts.divideNoNan(fn[i], tp[i]);
                    double precisionGain = 1.0 - scaling * ThresholdCounts.divideNoNan(fp[i], tp[i]);
                    x[i] = tp[i] == 0 ? 0.0 : Math.max(recallGain, 0.0);
                    y[i] = tp[i] == 0 ? 1.0 : precisionGain;
                }
            }
        }
        double area = 0;
        for (int i = 0; i < n - 1; i++) {
            double height = switch (config.summationMethod()) {
                case INTERPOLATION -> (y[i] + y[i + 1]) / 2;
                case MINORING -> Math.min(y[i], y[i + 1]);
                case MAJORING -> Math.max(y[i], y[i + 1]);
            };
            area += (x[i] - x[i + 1]) * height;
        }
        return area;
    }

    /**
     * Keras's {@code interpolate_pr_auc}: between two thresholds precision is taken as a function of
     * the number of predicted positives P, {@code TP = slope·P + intercept}, and integrated exactly
     * over recall.
     */
    private double interpolatedPrAuc(double[] tp, double[] fp, double[] fn) {
        double area = 0;
        for (int i = 0; i < tp.length - 1; i++) {
            double dtp = tp[i] - tp[i + 1];
            double p0 = tp[i] + fp[i];
            double p1 = tp[i + 1] + fp[i + 1];
            double slope = ThresholdCounts.divideNoNan(dtp, Math.max(p0 - p1, 0));
            double intercept = tp[i + 1] - slope * p1;
            double ratio = p0 > 0 && p1 > 0 ? ThresholdCounts.divideNoNan(p0, Math.max(p1, 0)) : 1.0;
            area += ThresholdCounts.divideNoNan(slope * (dtp + intercept * Math.log(ratio)),
                    Math.max(tp[i + 1] + fn[i + 1], 0));
        }
        return area;
    }

    /** {@code out[i] = Σ_{b >= i} buckets[b]}: the weight scoring above threshold i. */
    private static double[] suffixSums(double[] buckets) {
        double[] out = new double[buckets.length];
        double sum = 0;
        for (int i = buckets.length - 1; i >= 0; i--) {
            sum += buckets[i];
            out[i] = sum;
        }
        return out;
    }

    @Override
    public void reset() {
        Arrays.fill(positiveBuckets, 0);
        Arrays.fill(negativeBuckets, 0);
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.with(name(), "num_thresholds", config.numThresholds(),
                "curve", config.curve().name(), "summation_method", config.summationMethod().kerasName(),
                "multi_label", false, "num_labels", null, "label_weights", null,
                "from_logits", config.fromLogits());
    }
}
