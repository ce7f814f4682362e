"""Golden values for Keras 3's mean metrics on predictions that carry a mask (a sequence model's padding).

Keras's MeanMetricWrapper turns the mask of y_pred into sample weights (losses.loss.apply_mask with
reduction "sum"), multiplied into any sample_weight, and Mean then averages over the kept positions.
Each case feeds two batches (different masks, the second with sample weights where given) to one
metric instance and records result() after each. The second mask leaves one sample with no kept step.

    KERAS_BACKEND=tensorflow python tools/golden/make_masked_metrics_golden.py \
        jnn-core/src/test/resources/golden/metrics/masked_metrics.json
"""
import json
import sys

import numpy as np
import keras
from keras import ops
from keras.src import backend

rng = np.random.default_rng(20261128)
B, T, C = 3, 5, 4


def batch(kind, mask_rows):
    mask = np.array(mask_rows, dtype=bool)
    if kind == "sparse":
        y_true = rng.integers(0, C, size=(B, T)).astype("float32")
        y_pred = rng.random((B, T, C)).astype("float32")
    elif kind == "categorical":
        y_true = np.eye(C, dtype="float32")[rng.integers(0, C, size=(B, T))]
        y_pred = rng.random((B, T, C)).astype("float32")
    elif kind == "binary":
        y_true = rng.integers(0, 2, size=(B, T, 2)).astype("float32")
        y_pred = rng.random((B, T, 2)).astype("float32")
    else:  # regression
        y_true = rng.normal(size=(B, T, 2)).astype("float32")
        y_pred = rng.normal(size=(B, T, 2)).astype("float32")
    return y_true, y_pred, mask


MASKS = [
    [[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [1, 0, 0, 0, 0]],
    [[1, 1, 0, 0, 0], [0, 0, 0, 0, 0], [1, 1, 1, 1, 0]],
]
CASES = [
    ("sparse_categorical_accuracy", keras.metrics.SparseCategoricalAccuracy, "sparse", None),
    ("sparse_categorical_accuracy_weighted", keras.metrics.SparseCategoricalAccuracy, "sparse", [0.5, 2.0, 1.0]),
    ("categorical_accuracy", keras.metrics.CategoricalAccuracy, "categorical", None),
    ("sparse_top_k_categorical_accuracy", lambda: keras.metrics.SparseTopKCategoricalAccuracy(k=2), "sparse", None),
    ("binary_accuracy", keras.metrics.BinaryAccuracy, "binary", [1.0, 0.0, 3.0]),
    ("mean_absolute_error", keras.metrics.MeanAbsoluteError, "regression", None),
    ("mean_squared_error", keras.metrics.MeanSquaredError, "regression", [2.0, 1.0, 0.5]),
    ("root_mean_squared_error", keras.metrics.RootMeanSquaredError, "regression", None),
]


def main(out):
    cases = []
    for name, factory, kind, weights in CASES:
        metric = factory()
        steps = []
        for i, mask_rows in enumerate(MASKS):
            y_true, y_pred, mask = batch(kind, mask_rows)
            pred = ops.convert_to_tensor(y_pred)
            backend.set_keras_mask(pred, ops.convert_to_tensor(mask))
            sw = None if weights is None or i == 0 else np.array(weights, dtype="float32")
            # Per-sample weights as (B, 1): Keras 3.15.1 multiplies a (B,) sample_weight into the (B, T)
            # mask without expanding it and raises; (B, 1) broadcasts over the time steps, which is what
            # jnn does with a (B,) weight array.
            metric.update_state(ops.convert_to_tensor(y_true), pred,
                                sample_weight=None if sw is None else sw.reshape(-1, 1))
            steps.append({
                "y_true": {"shape": list(y_true.shape), "values": y_true.ravel().tolist()},
                "y_pred": {"shape": list(y_pred.shape), "values": y_pred.ravel().tolist()},
                "mask": {"shape": list(mask.shape), "values": mask.astype("float32").ravel().tolist()},
                "sample_weight": None if sw is None else sw.tolist(),
                "result": float(ops.convert_to_numpy(metric.result())),
            })
        cases.append({"name": name, "metric": metric.name, "steps": steps})
    with open(out, "w") as f:
        json.dump({"keras": keras.__version__, "backend": backend.backend(), "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
