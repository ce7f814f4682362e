package dev.jnn.layers;

/**
 * {@link Maximum} and {@link Minimum}: every output element is one of the inputs' elements, chosen
 * pairwise from left to right; the backward sends the gradient to the chosen one (to the left
 * operand on ties, as TensorFlow's {@code maximum} gradient does).
 *
 * <p>Masks follow Keras 3's {@code _apply_merge_op_and_or_mask}: a masked-out element is replaced by
 * the running result before the comparison, and a masked-out running result by the new element, so
 * masked-out values never win over kept ones.
 */
abstract class SelectingMerge extends ElementwiseMerge {
    /** Whether {@code a} wins over {@code b} (ties go to {@code a}). */
    abstract boolean prefers(float a, float b);

    @Override
    final void compute(Call c) {
        float[] y = c.y.data();
        int[] source = c.source();
        for (int e = 0; e < c.size; e++) {
            int out = 0;
            boolean maskKnown = c.masked(0);
            boolean outKept = c.keep(0, e);
            for (int i = 1; i < c.n; i++) {
                boolean hasMask = c.masked(i);
                boolean kept = c.keep(i, e);
                int next = hasMask && !kept ? out : i;
                int left = maskKnown && !outKept ? next : out;
                if (hasMask && maskKnown) {
                    outKept |= kept;
                } else {
                    maskKnown = false;
                }
                out = prefers(value(c, left, e), value(c, next, e)) ? left : next;
            }
            source[e] = out;
            y[e] = value(c, out, e);
        }
    }

    private static float value(Call c, int input, int e) {
        return c.x[input].data()[c.at(input, e)];
    }

    @Override
    final void backward(Call c) {
        float[] dy = c.y.grad();
        int[] source = c.source();
        for (int e = 0; e < c.size; e++) {
            int i = source[e];
            if (c.x[i].requiresGrad()) {
                c.x[i].grad()[c.at(i, e)] += dy[e];
            }
        }
    }
}
