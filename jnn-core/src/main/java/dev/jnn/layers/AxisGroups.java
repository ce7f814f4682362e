package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import java.util.Arrays;

/**
 * How a reduction over some axes of a per-sample shape splits a sample: for each element (row-major),
 * the group it belongs to (its coordinates on the axes not reduced), and the number of groups and of
 * elements per group. Used by layers that normalize over axes other than the last.
 */
record AxisGroups(int[] groupOf, int groups, int perGroup) {
    /** {@code reduced}: 0-based per-sample axes (the batch excluded), any order, no repeats. */
    static AxisGroups of(Shape sample, int[] reduced) {
        int[] dims = sample.dims();
        boolean[] isReduced = new boolean[dims.length];
        int perGroup = 1;
        for (int a : reduced) {
            isReduced[a] = true;
        }
        int groups = 1;
        for (int a = 0; a < dims.length; a++) {
            if (isReduced[a]) {
                perGroup *= dims[a];
            } else {
                groups *= dims[a];
            }
        }
        int size = sample.size();
        int[] groupOf = new int[size];
        int[] index = new int[dims.length];
        for (int flat = 0; flat < size; flat++) {
            int g = 0;
            for (int a = 0; a < dims.length; a++) {
                if (!isReduced[a]) {
                    g = g * dims[a] + index[a];
                }
            }
            groupOf[flat] = g;
            for (int a = dims.length - 1; a >= 0; a--) {
                if (++index[a] < dims[a]) {
                    break;
                }
                index[a] = 0;
            }
        }
        return new AxisGroups(groupOf, groups, perGroup);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AxisGroups g && Arrays.equals(groupOf, g.groupOf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(groupOf);
    }

    @Override
    public String toString() {
        return "AxisGroups(" + groups + " groups of " + perGroup + ")";
    }
}
