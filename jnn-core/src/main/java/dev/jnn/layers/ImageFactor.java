package dev.jnn.layers;

import java.util.List;

/**
 * Keras's reading of an augmentation {@code factor}: a number {@code f} means the range
 * {@code [-|f|, |f|]} (cut at the layer's lower bound), two numbers are the range itself, sorted.
 */
final class ImageFactor {
    private ImageFactor() {
    }

    /**
     * The base image layer's {@code _set_factor}: a number must lie in {@code [min, max]}; a pair is
     * refused only when it lies wholly outside.
     */
    static double[] range(String layer, List<Double> factor, double min, double max) {
        String error = layer + ": The `factor` argument should be a number (or a list of two numbers) in the range ["
                + num(min) + ", " + num(max) + "]. Received: factor=" + factor;
        if (factor.size() == 1) {
            double f = factor.get(0);
            if (!(f >= min && f <= max)) {
                throw new IllegalArgumentException(error);
            }
            f = Math.abs(f);
            return new double[] {Math.max(-f, min), f};
        }
        if (factor.size() != 2 || factor.get(0) > max || factor.get(1) < min) {
            throw new IllegalArgumentException(error);
        }
        return sorted(factor);
    }

    /**
     * RandomZoom's and RandomTranslation's {@code _set_factor}: every number must lie in the range (its
     * lower end open for zoom, where -1 would zoom to nothing).
     */
    static double[] symmetric(String layer, String argument, List<Double> factor, boolean openBelow) {
        String error = layer + ": The `" + argument + "` argument should be a number (or a list of two numbers) in the"
                + " range " + (openBelow ? "(-1.0, 1.0]" : "[-1.0, 1.0]") + ". Received: " + argument + "=" + factor;
        if (factor == null || factor.isEmpty() || factor.size() > 2) {
            throw new IllegalArgumentException(error);
        }
        for (double f : factor) {
            if (!(f <= 1.0 && (openBelow ? f > -1.0 : f >= -1.0))) {
                throw new IllegalArgumentException(error);
            }
        }
        if (factor.size() == 1) {
            double f = Math.abs(factor.get(0));
            return new double[] {-f, f};
        }
        return sorted(factor);
    }

    private static double[] sorted(List<Double> pair) {
        double a = pair.get(0);
        double b = pair.get(1);
        return a <= b ? new double[] {a, b} : new double[] {b, a};
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }
}
