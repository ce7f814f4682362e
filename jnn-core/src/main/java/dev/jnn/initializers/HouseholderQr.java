package dev.jnn.initializers;

/**
 * Reduced QR decomposition of a tall matrix by Householder reflections, in double.
 *
 * <p>For {@code a} of shape {@code [m, n]} with {@code m >= n} (row-major), {@link #orthonormalColumns}
 * returns the {@code [m, n]} factor {@code Q} of {@code a = Q·R} with each column multiplied by
 * {@code sign(R[j][j])}, as Keras's {@code Orthogonal} does after {@code ops.qr}. That choice makes
 * the result unique (the {@code Q} whose {@code R} has a positive diagonal), so it does not depend on
 * the QR algorithm used. Householder is used rather than Gram-Schmidt because its {@code Q} stays
 * orthogonal to rounding precision even for nearly dependent columns.
 */
final class HouseholderQr {
    private HouseholderQr() {
    }

    /** The sign-corrected reduced {@code Q} of the {@code [m, n]} matrix {@code a} ({@code a} is overwritten). */
    static double[] orthonormalColumns(double[] a, int m, int n) {
        if (m < n) {
            throw new IllegalArgumentException("qr: needs rows >= cols, got [" + m + ", " + n + "]");
        }
        double[][] reflectors = new double[n][];
        double[] diagonal = new double[n];
        for (int k = 0; k < n; k++) {
            // v = x - alpha·e1 with alpha = -sign(x0)·|x|, the sign that avoids cancellation.
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm += a[i * n + k] * a[i * n + k];
            }
            norm = Math.sqrt(norm);
            double x0 = a[k * n + k];
            double alpha = x0 >= 0 ? -norm : norm;
            diagonal[k] = alpha;
            double[] v = new double[m - k];
            for (int i = k; i < m; i++) {
                v[i - k] = a[i * n + k];
            }
            v[0] -= alpha;
            double vNorm2 = 0;
            for (double vi : v) {
                vNorm2 += vi * vi;
            }
            if (vNorm2 == 0) {
                continue;   // the column is already zero below the diagonal: H = I
            }
            reflectors[k] = v;
            reflect(v, vNorm2, a, m, n, k, k);
        }
        // Q = H0·H1·...·H(n-1) applied to the first n columns of the identity, right to left.
        double[] q = new double[m * n];
        for (int j = 0; j < n; j++) {
            q[j * n + j] = 1.0;
        }
        for (int k = n - 1; k >= 0; k--) {
            double[] v = reflectors[k];
            if (v != null) {
                double vNorm2 = 0;
                for (double vi : v) {
                    vNorm2 += vi * vi;
                }
                reflect(v, vNorm2, q, m, n, k, 0);
            }
        }
        for (int j = 0; j < n; j++) {
            double sign = Math.signum(diagonal[j]);
            for (int i = 0; i < m; i++) {
                q[i * n + j] *= sign;
            }
        }
        return q;
    }

    /** Applies {@code H = I - 2·v·vᵀ/(vᵀv)} to rows {@code k..m-1}, columns {@code fromCol..n-1} of {@code x}. */
    private static void reflect(double[] v, double vNorm2, double[] x, int m, int n, int k, int fromCol) {
        for (int j = fromCol; j < n; j++) {
            double dot = 0;
            for (int i = k; i < m; i++) {
                dot += v[i - k] * x[i * n + j];
            }
            double f = 2.0 * dot / vNorm2;
            for (int i = k; i < m; i++) {
                x[i * n + j] -= f * v[i - k];
            }
        }
    }
}
