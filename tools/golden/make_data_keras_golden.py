"""Keras reference values for dev.jnn.data's Dataset: Normalization (adapt on one set, apply to
another), to_categorical and validation_split sizes.

Run:  KERAS_BACKEND=tensorflow /work/venv/bin/python tools/golden/make_data_keras_golden.py
Output: jnn-core/src/test/resources/golden/data/keras_dataset.json
"""
import json
import math
import os

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
import keras  # noqa: E402
from keras.src.trainers.data_adapters.array_slicing import train_validation_split  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "jnn-core", "src", "test", "resources", "golden", "data")


def main():
    rng = np.random.default_rng(7)
    train = (rng.standard_normal((20, 3)) * [1, 10, 0.1] + [0, 5, -2]).astype(np.float32)
    train[:, 2] = 4.0   # a constant feature: Keras floors its std at epsilon
    test = (rng.standard_normal((5, 3)) * 3).astype(np.float32)
    norm = keras.layers.Normalization(axis=-1)
    norm.adapt(train)
    labels = np.array([0, 2, 1, 1, 0], dtype=np.int64)
    splits = []
    for n, f in [(10, 0.25), (150, 0.2), (10, 0.3), (3, 0.5), (1000, 0.1), (99, 0.33)]:
        x = np.arange(n, dtype=np.float32)
        tr, va = train_validation_split((x,), f)
        splits.append({"n": n, "fraction": f, "train": int(tr[0].shape[0]), "validation": int(va[0].shape[0])})
    out = {
        "keras": keras.__version__,
        "train": train.ravel().tolist(), "test": test.ravel().tolist(), "features": 3,
        "train_out": np.asarray(norm(train)).ravel().tolist(),
        "test_out": np.asarray(norm(test)).ravel().tolist(),
        "labels": labels.tolist(),
        "one_hot": keras.utils.to_categorical(labels, 3).ravel().tolist(),
        "splits": splits,
    }
    with open(os.path.join(OUT, "keras_dataset.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
