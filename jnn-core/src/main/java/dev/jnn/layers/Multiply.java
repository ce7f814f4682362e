package dev.jnn.layers;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Multiply}: the element-wise product {@code y = x₀ · x₁ · …}, with Keras's
 * broadcasting (see {@link ElementwiseMerge}).
 *
 * <p>Masks as in Keras 3: a masked-out element of an input counts as 1; when every input is masked,
 * positions masked out in all of them give 0.
 *
 * <pre>{@code
 * Tensor gated = new Multiply().call(List.of(a, gate), false).get(0);
 * }</pre>
 */
public final class Multiply extends ElementwiseMerge {
    /** Multiply has no arguments. */
    public record Config() implements LayerConfig {
    }

    private static final Config CONFIG = new Config();

    @Override
    public Config config() {
        return CONFIG;
    }

    @Override
    void compute(Call c) {
        float[] y = c.y.data();
        boolean anyMask = false;
        for (int i = 0; i < c.n; i++) {
            anyMask |= c.masked(i);
        }
        if (!anyMask) {
            float[] x0 = c.x[0].data();
            for (int e = 0; e < c.size; e++) {
                y[e] = x0[c.at(0, e)];
            }
            for (int i = 1; i < c.n; i++) {
                float[] xi = c.x[i].data();
                for (int e = 0; e < c.size; e++) {
                    y[e] *= xi[c.at(i, e)];
                }
            }
            return;
        }
        boolean allMasked = c.allMasked();
        for (int e = 0; e < c.size; e++) {
            float p = 1f;
            boolean any = false;
            for (int i = 0; i < c.n; i++) {
                if (c.keep(i, e)) {
                    p = i == 0 ? c.x[0].data()[c.at(0, e)] : p * c.x[i].data()[c.at(i, e)];
                    any = true;
                }
            }
            y[e] = allMasked && !any ? 0f : p;
        }
    }

    @Override
    void backward(Call c) {
        float[] dy = c.y.grad();
        boolean allMasked = c.allMasked();
        for (int i = 0; i < c.n; i++) {
            Tensor xi = c.x[i];
            if (!xi.requiresGrad()) {
                continue;
            }
            float[] g = xi.grad();
            for (int e = 0; e < c.size; e++) {
                if (!c.keep(i, e) || (allMasked && !anyKept(c, e))) {
                    continue;
                }
                float others = 1f;
                for (int j = 0; j < c.n; j++) {
                    if (j != i && c.keep(j, e)) {
                        others *= c.x[j].data()[c.at(j, e)];
                    }
                }
                g[c.at(i, e)] += dy[e] * others;
            }
        }
    }

    private static boolean anyKept(Call c, int e) {
        for (int i = 0; i < c.n; i++) {
            if (c.keep(i, e)) {
                return true;
            }
        }
        return false;
    }
}
