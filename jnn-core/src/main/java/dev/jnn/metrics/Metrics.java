package dev.jnn.metrics;

import dev.jnn.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves the metric strings of {@code compile(metrics=[...])} as Keras 3's {@code get_metric} does.
 *
 * <p>{@code "accuracy"} and {@code "acc"} (any case) are decided by shape only, never by the loss:
 * <pre>
 * binary      if yPred's last axis is 1                                  → BinaryAccuracy
 * sparse      else if rank(yTrue) &lt; rank(yPred),
 *             or yTrue's last axis is 1 and yPred's is larger            → SparseCategoricalAccuracy
 * categorical otherwise                                                  → CategoricalAccuracy
 * </pre>
 * Every metric is named by the string the user typed ({@code "acc"} logs as {@code acc},
 * {@code "mse"} as {@code mse}). Besides Keras's snake-case names, class names
 * ({@code "BinaryAccuracy"}) and the aliases {@code mse/MSE/mae/MAE} as in Keras, jnn also accepts
 * {@code "rmse"} (Keras 3 does not).
 *
 * <pre>{@code
 * Metric acc = Metrics.get("accuracy", Shape.of(32, 1), Shape.of(32, 1));   // BinaryAccuracy "accuracy"
 * Metric mse = Metrics.get("mse", Shape.of(32, 1), Shape.of(32, 1));        // MeanSquaredError "mse"
 * }</pre>
 */
public final class Metrics {
    private static final Map<String, Function<String, Metric>> FACTORIES = factories();

    private Metrics() {
    }

    private static Map<String, Function<String, Metric>> factories() {
        var f = new LinkedHashMap<String, Function<String, Metric>>();
        f.put("binary_accuracy", name -> new BinaryAccuracy(name, 0.5f));
        f.put("BinaryAccuracy", name -> new BinaryAccuracy(name, 0.5f));
        f.put("categorical_accuracy", CategoricalAccuracy::new);
        f.put("CategoricalAccuracy", CategoricalAccuracy::new);
        f.put("sparse_categorical_accuracy", SparseCategoricalAccuracy::new);
        f.put("SparseCategoricalAccuracy", SparseCategoricalAccuracy::new);
        f.put("top_k_categorical_accuracy", name -> new TopKCategoricalAccuracy(name, 5));
        f.put("TopKCategoricalAccuracy", name -> new TopKCategoricalAccuracy(name, 5));
        f.put("sparse_top_k_categorical_accuracy", name -> new SparseTopKCategoricalAccuracy(name, 5));
        f.put("SparseTopKCategoricalAccuracy", name -> new SparseTopKCategoricalAccuracy(name, 5));
        f.put("mse", MeanSquaredError::new);
        f.put("MSE", MeanSquaredError::new);
        f.put("mean_squared_error", MeanSquaredError::new);
        f.put("MeanSquaredError", MeanSquaredError::new);
        f.put("mae", MeanAbsoluteError::new);
        f.put("MAE", MeanAbsoluteError::new);
        f.put("mean_absolute_error", MeanAbsoluteError::new);
        f.put("MeanAbsoluteError", MeanAbsoluteError::new);
        f.put("rmse", RootMeanSquaredError::new);
        f.put("root_mean_squared_error", RootMeanSquaredError::new);
        f.put("RootMeanSquaredError", RootMeanSquaredError::new);
        f.put("precision", name -> new Precision(name, Precision.Config.defaults()));
        f.put("Precision", name -> new Precision(name, Precision.Config.defaults()));
        f.put("recall", name -> new Recall(name, Recall.Config.defaults()));
        f.put("Recall", name -> new Recall(name, Recall.Config.defaults()));
        f.put("auc", name -> new AUC(name, AUC.Config.defaults()));
        f.put("AUC", name -> new AUC(name, AUC.Config.defaults()));
        f.put("f1_score", name -> new F1Score(name, F1Score.Config.defaults()));
        f.put("F1Score", name -> new F1Score(name, F1Score.Config.defaults()));
        return Collections.unmodifiableMap(f);
    }

    /**
     * The metric for {@code name}, named {@code name}.
     *
     * @param name        what the user wrote in {@code metrics=[...]}
     * @param yTrueShape  shape of the targets, batch axis included (e.g. {@code [N]} or {@code [N, 1]})
     * @param yPredShape  shape of the model output, batch axis included
     * @throws IllegalArgumentException for an unknown name (the message lists the valid ones) or a
     *         rank-0 shape when resolving accuracy
     */
    public static Metric get(String name, Shape yTrueShape, Shape yPredShape) {
        if (name == null) {
            throw new IllegalArgumentException("metric name must not be null, valid names: " + names());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("accuracy") || lower.equals("acc")) {
            return accuracy(name, yTrueShape, yPredShape);
        }
        var factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown metric \"" + name + "\", valid names: " + names());
        }
        return factory.apply(name);
    }

    /** Keras's {@code is_binary_or_sparse_categorical}, by shapes only. */
    private static Metric accuracy(String name, Shape yTrueShape, Shape yPredShape) {
        if (yTrueShape == null || yPredShape == null || yTrueShape.rank() == 0 || yPredShape.rank() == 0) {
            throw new IllegalArgumentException("metric \"" + name + "\" needs yTrue and yPred shapes of"
                    + " rank >= 1, got yTrueShape " + yTrueShape + " and yPredShape " + yPredShape);
        }
        int trueLast = yTrueShape.dim(-1);
        int predLast = yPredShape.dim(-1);
        if (predLast == 1) {
            return new BinaryAccuracy(name, 0.5f);
        }
        boolean sparse = yTrueShape.rank() < yPredShape.rank() || (trueLast == 1 && predLast > 1);
        return sparse ? new SparseCategoricalAccuracy(name) : new CategoricalAccuracy(name);
    }

    /** Every accepted name: {@code accuracy}, {@code acc}, then the registry's names. */
    public static List<String> names() {
        var all = new ArrayList<String>();
        all.add("accuracy");
        all.add("acc");
        all.addAll(FACTORIES.keySet());
        return Collections.unmodifiableList(all);
    }
}
