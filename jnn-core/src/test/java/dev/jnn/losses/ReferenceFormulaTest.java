package dev.jnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every loss against a plain double-precision transcription of its Keras formula, on random shapes
 * and values, with random sample weights. Inputs stay away from the epsilon clips, whose exact
 * float32 bounds {@link KerasValuesTest} checks against Keras itself.
 */
class ReferenceFormulaTest {
    /** One position: labels t and predictions y of one row. */
    private interface RowFormula {
        double loss(double[] t, double[] y);
    }

    private static void check(Loss loss, RowFormula formula, double[][] t, double[][] y, double[] w) {
        int batch = t.length;
        int width = t[0].length;
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            sum += w[i] * formula.loss(t[i], y[i]);
        }
        double expected = sum / batch;
        float[] weights = new float[batch];
        for (int i = 0; i < batch; i++) {
            weights[i] = (float) w[i];
        }
        float actual = loss.compute(Tensor.of(t), Tensor.of(y), weights, null);
        assertEquals(expected, actual, 1e-5 * Math.max(1.0, Math.abs(expected)),
                loss + " batch " + batch + " width " + width);
    }

    private static double[][] uniform(Random r, int batch, int width, double low, double high) {
        double[][] x = new double[batch][width];
        for (double[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) (low + (high - low) * r.nextDouble());   // exactly representable in float
            }
        }
        return x;
    }

    private static double[][] oneHot(Random r, int batch, int width) {
        double[][] x = new double[batch][width];
        for (double[] row : x) {
            row[r.nextInt(width)] = 1.0;
        }
        return x;
    }

    private static double[][] bits(Random r, int batch, int width) {
        double[][] x = new double[batch][width];
        for (double[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = r.nextBoolean() ? 1.0 : 0.0;
            }
        }
        return x;
    }

    private static double mean(double[] t, double[] y, java.util.function.DoubleBinaryOperator f) {
        double s = 0;
        for (int j = 0; j < t.length; j++) {
            s += f.applyAsDouble(t[j], y[j]);
        }
        return s / t.length;
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    @Property(tries = 60)
    void regressionLosses(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int batch,
                          @ForAll @IntRange(min = 1, max = 6) int width) {
        Random r = new Random(seed);
        double[][] t = uniform(r, batch, width, -3, 3);
        double[][] y = uniform(r, batch, width, -3, 3);
        double[] w = uniform(r, 1, batch, 0, 2)[0];
        check(new MeanSquaredError(), (a, b) -> mean(a, b, (p, q) -> (p - q) * (p - q)), t, y, w);
        check(new MeanAbsoluteError(), (a, b) -> mean(a, b, (p, q) -> Math.abs(p - q)), t, y, w);
        check(new MeanAbsolutePercentageError(),
                (a, b) -> mean(a, b, (p, q) -> 100 * Math.abs(p - q) / Math.max(Math.abs(p), 1e-7)), t, y, w);
        check(new MeanSquaredLogarithmicError(), (a, b) -> mean(a, b, (p, q) -> {
            double d = Math.log(Math.max(q, 1e-7) + 1) - Math.log(Math.max(p, 1e-7) + 1);
            return d * d;
        }), t, y, w);
        check(new LogCosh(), (a, b) -> mean(a, b, (p, q) -> Math.log(Math.cosh(q - p))), t, y, w);
        for (double delta : new double[] {1.0, 0.4}) {
            check(new Huber(new Huber.Config(delta)), (a, b) -> mean(a, b, (p, q) -> {
                double e = Math.abs(q - p);
                return e <= delta ? e * e / 2 : delta * (e - delta / 2);
            }), t, y, w);
        }
        check(new CosineSimilarity(), (a, b) -> {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int j = 0; j < a.length; j++) {
                dot += a[j] * b[j];
                na += a[j] * a[j];
                nb += b[j] * b[j];
            }
            return -dot / Math.sqrt(na * nb);
        }, t, y, w);
        double[][] rates = uniform(r, batch, width, 0.1, 5);
        check(new Poisson(), (a, b) -> mean(a, b, (p, q) -> q - p * Math.log(q + 1e-7)), t, rates, w);
    }

    @Property(tries = 60)
    void hingeLosses(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int batch,
                     @ForAll @IntRange(min = 2, max = 6) int width) {
        Random r = new Random(seed);
        double[][] labels = bits(r, batch, width);
        double[][] y = uniform(r, batch, width, -2, 2);
        double[] w = uniform(r, 1, batch, 0, 2)[0];
        // 0/1 labels mean -1/+1.
        check(new Hinge(), (a, b) -> mean(a, b, (p, q) -> Math.max(0, 1 - (2 * p - 1) * q)), labels, y, w);
        check(new SquaredHinge(), (a, b) -> mean(a, b, (p, q) -> Math.pow(Math.max(0, 1 - (2 * p - 1) * q), 2)),
                labels, y, w);
        check(new CategoricalHinge(), (a, b) -> {
            double pos = 0;
            double neg = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < a.length; j++) {
                pos += a[j] * b[j];
                neg = Math.max(neg, (1 - a[j]) * b[j]);
            }
            return Math.max(0, neg - pos + 1);
        }, oneHot(r, batch, width), y, w);
    }

    @Property(tries = 60)
    void crossentropies(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int batch,
                        @ForAll @IntRange(min = 1, max = 6) int width, @ForAll boolean smooth) {
        Random r = new Random(seed);
        double s = smooth ? 0.15 : 0.0;
        double[][] labels = bits(r, batch, width);
        double[][] probs = uniform(r, batch, width, 0.01, 0.99);
        double[][] logits = uniform(r, batch, width, -8, 8);
        double[] w = uniform(r, 1, batch, 0, 2)[0];
        check(new BinaryCrossentropy(new BinaryCrossentropy.Config(false, s)), (a, b) -> mean(a, b, (p, q) -> {
            double t = p * (1 - s) + s / 2;
            return -t * Math.log(q) - (1 - t) * Math.log(1 - q);
        }), labels, probs, w);
        check(new BinaryCrossentropy(new BinaryCrossentropy.Config(true, s)), (a, b) -> mean(a, b, (p, q) -> {
            double t = p * (1 - s) + s / 2;
            return -t * Math.log(sigmoid(q)) - (1 - t) * Math.log(1 - sigmoid(q));
        }), labels, logits, w);

        double[][] oneHot = oneHot(r, batch, width);
        check(new CategoricalCrossentropy(new CategoricalCrossentropy.Config(false, s)), (a, b) -> {
            double total = 0;
            for (double v : b) {
                total += v;
            }
            double loss = 0;
            for (int j = 0; j < a.length; j++) {
                double q = Math.min(Math.max(b[j] / total, 1e-7), 1 - 1e-7);
                loss -= (a[j] * (1 - s) + s / a.length) * Math.log(q);
            }
            return loss;
        }, oneHot, probs, w);
        check(new CategoricalCrossentropy(new CategoricalCrossentropy.Config(true, s)), (a, b) -> {
            double z = 0;
            for (double v : b) {
                z += Math.exp(v);
            }
            double loss = 0;
            for (int j = 0; j < a.length; j++) {
                loss -= (a[j] * (1 - s) + s / a.length) * Math.log(Math.exp(b[j]) / z);
            }
            return loss;
        }, oneHot, logits, w);
        check(new KLDivergence(), (a, b) -> {
            double loss = 0;
            for (int j = 0; j < a.length; j++) {
                double t = Math.max(a[j], 1e-7);
                loss += t * Math.log(t / b[j]);
            }
            return loss;
        }, uniform(r, batch, width, 0, 1), probs, w);
    }

    @Property(tries = 60)
    void sparseMatchesCategoricalOnOneHotLabels(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int batch,
                                                @ForAll @IntRange(min = 1, max = 3) int steps,
                                                @ForAll @IntRange(min = 2, max = 6) int classes,
                                                @ForAll boolean fromLogits) {
        // Rank 3 [batch, steps, classes]: the sparse loss must equal the dense one on one-hot rows.
        // (classes = 1 is left out: Keras squeezes y_pred [B, S, 1] to [B, S] and then rejects it.)
        Random r = new Random(seed);
        int positions = batch * steps;
        float[] labels = new float[positions];
        float[] oneHot = new float[positions * classes];
        float[] y = new float[positions * classes];
        for (int p = 0; p < positions; p++) {
            labels[p] = r.nextInt(classes);
            oneHot[p * classes + (int) labels[p]] = 1f;
            for (int j = 0; j < classes; j++) {
                y[p * classes + j] = fromLogits ? (float) (r.nextGaussian() * 3) : (float) (0.01 + r.nextDouble());
            }
        }
        float[] w = new float[batch];
        for (int i = 0; i < batch; i++) {
            w[i] = (float) (2 * r.nextDouble());
        }
        Tensor yPred = new Tensor(Shape.of(batch, steps, classes), y);
        float[] sparseGrad = new float[y.length];
        float[] denseGrad = new float[y.length];
        float sparse = new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(fromLogits))
                .compute(new Tensor(Shape.of(batch, steps), labels), yPred, w, sparseGrad);
        float dense = new CategoricalCrossentropy(new CategoricalCrossentropy.Config(fromLogits, 0.0))
                .compute(new Tensor(Shape.of(batch, steps, classes), oneHot), yPred, w, denseGrad);
        assertEquals(dense, sparse, 1e-5 * Math.max(1, Math.abs(dense)));
        for (int i = 0; i < y.length; i++) {
            assertEquals(denseGrad[i], sparseGrad[i], 1e-5 * Math.max(1, Math.abs(denseGrad[i])), "grad " + i);
        }
    }
}
