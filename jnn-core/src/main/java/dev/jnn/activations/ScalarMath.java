package dev.jnn.activations;

/**
 * Scalar functions in double that {@link Math} lacks, written to stay accurate where the textbook
 * formula overflows or cancels: {@code sigmoid}, {@code softplus}, {@code erf}, {@code erfc}.
 */
final class ScalarMath {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1.0 / Math.sqrt(Math.PI);
    /**
     * Below this |x| erf uses its power series, above it erfc uses its continued fraction: the
     * series needs ~2x² terms and the continued fraction converges slowly for small x, and at 2.5
     * both take a few dozen steps. 1 - erf loses at most ~3 digits of erfc just below the switch
     * (erfc(2.5) ≈ 4e-4), leaving ~1e-13 relative error.
     */
    private static final double SERIES_LIMIT = 2.5;
    private static final int MAX_TERMS = 500;

    private ScalarMath() {
    }

    /** {@code 1 / (1 + exp(-x))}, without overflow of {@code exp(-x)} for large negative x. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** {@code log(1 + exp(x))} as {@code max(x, 0) + log1p(exp(-|x|))}, exact for large |x|. */
    static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The error function {@code erf(x) = 2/√π ∫₀ˣ exp(-t²) dt}, to ~1e-15 relative error. */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r = a < SERIES_LIMIT ? erfSeries(a) : 1.0 - erfcContinuedFraction(a);
        return Math.copySign(r, x);
    }

    /** The complementary error function {@code erfc(x) = 1 - erf(x)}, accurate in its tail. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        // For x < 2.5 (negative x included) 1 - erf(x) has no harmful cancellation.
        return x < SERIES_LIMIT ? 1.0 - erf(x) : erfcContinuedFraction(x);
    }

    /**
     * {@code erf(x) = 2/√π · exp(-x²) · Σₙ (2x²)ⁿ x / (1·3·…·(2n+1))} for {@code x >= 0}: every term is
     * positive, so unlike the Taylor series there is no cancellation.
     */
    private static double erfSeries(double x) {
        double twoXSquared = 2.0 * x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < MAX_TERMS && term > 1e-17 * sum; n++) {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
    }

    /**
     * {@code erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))))} for {@code x >= 2.5},
     * evaluated with the modified Lentz method.
     */
    private static double erfcContinuedFraction(double x) {
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < MAX_TERMS; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            d = 1.0 / (Math.abs(d) < tiny ? tiny : d);
            c = x + a / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
    }
}
