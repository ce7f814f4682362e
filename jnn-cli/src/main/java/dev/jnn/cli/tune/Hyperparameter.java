package dev.jnn.cli.tune;

import dev.jnn.cli.spec.SpecNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One dimension of a search space: a fixed value, a list of choices, or a numeric range (uniform,
 * or log-uniform for scales like the learning rate). Grid search needs a finite set: a range gives
 * one only with {@code count} points.
 *
 * <pre>{@code
 * units: [8, 16, 32]                                   # choices
 * learning_rate: {min: 1e-4, max: 1e-1, log: true}     # log-uniform range
 * depth: 2                                             # fixed
 * }</pre>
 */
public sealed interface Hyperparameter {
    /** A value drawn from {@code random} (the same draws give the same value). */
    Object sample(SplittableRandom random);

    /** Every value grid search tries, in order. */
    List<Object> grid();

    /** Always {@code value}. */
    record Fixed(Object value) implements Hyperparameter {
        @Override
        public Object sample(SplittableRandom random) {
            return value;
        }

        @Override
        public List<Object> grid() {
            return List.of(value);
        }
    }

    /** One of {@code values}, each as likely. */
    record Choice(List<Object> values) implements Hyperparameter {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public Object sample(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public List<Object> grid() {
            return values;
        }
    }

    /**
     * A number in {@code [min, max]}: uniform, or uniform in log space when {@code log}; rounded when
     * {@code integer}. {@code count} grid points (ends included), or 0 when the range has no grid.
     */
    record Range(String path, double min, double max, boolean log, boolean integer, int count)
            implements Hyperparameter {
        @Override
        public Object sample(SplittableRandom random) {
            double u = random.nextDouble();
            return value(log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min));
        }

        @Override
        public List<Object> grid() {
            if (count == 0) {
                throw new IllegalArgumentException(path + ": grid search needs a list or a range with \"count\""
                        + " (the number of grid points)");
            }
            List<Object> points = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                double t = count == 1 ? 0 : (double) i / (count - 1);
                double v = log ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))) : min + t * (max - min);
                // 12 significant digits: grid points read 0.01, not exp/log's 0.010000000000000002.
                points.add(value(i == 0 ? min : i == count - 1 ? max
                        : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v))));
            }
            return points.stream().distinct().toList();
        }

        private Object value(double v) {
            return integer ? (Object) (int) Math.round(Math.min(max, Math.max(min, v))) : (Object) v;
        }
    }

    /** Reads one dimension; {@code check} validates each possible value (naming the path on failure). */
    static Hyperparameter read(SpecNode node, boolean integer, ValueCheck check) {
        if (node.isList()) {
            List<Object> values = new ArrayList<>();
            for (SpecNode v : node.list(false)) {
                values.add(check.value(v));
            }
            if (values.isEmpty()) {
                throw node.error("needs at least one value");
            }
            return new Choice(values);
        }
        if (node.isObject()) {
            node.onlyFields("min", "max", "log", "count");
            SpecNode minNode = node.required("min", "the smallest value");
            SpecNode maxNode = node.required("max", "the largest value");
            if (check.numeric() == null) {
                throw node.error("a range needs a numeric hyperparameter; give a list of values");
            }
            double min = check.numeric().check(minNode);
            double max = check.numeric().check(maxNode);
            if (!(max >= min)) {
                throw node.error("max (" + max + ") must be >= min (" + min + ")");
            }
            boolean log = node.has("log") && node.field("log").bool();
            if (log && !(min > 0)) {
                throw node.field("log").error("a log range needs min > 0, got " + min);
            }
            int count = node.has("count") ? node.field("count").intValue(1) : 0;
            return new Range(node.path(), min, max, log, integer, count);
        }
        return new Fixed(check.value(node));
    }

    /** Validates and converts the values of one hyperparameter. */
    interface ValueCheck {
        /** The value of {@code node}, checked. */
        Object value(SpecNode node);

        /** The numeric check for range ends, or null for a hyperparameter that is not numeric. */
        default NumericCheck numeric() {
            return null;
        }
    }

    /** Validates a number. */
    interface NumericCheck {
        double check(SpecNode node);
    }
}
