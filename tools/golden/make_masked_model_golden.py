"""A masked sequence model evaluated by Keras 3.15.1: Embedding(mask_zero) -> LSTM(return_sequences) ->
Dense(softmax), sparse CE with "accuracy", on zero-padded sequences. Keras averages loss and accuracy
over the kept time steps only; jnn must give the same numbers for the saved model (MaskedEvaluateTest).

    KERAS_BACKEND=tensorflow python tools/golden/make_masked_model_golden.py \
        jnn-core/src/test/resources/golden/metrics/masked_model
"""
import json
import os
import sys

import numpy as np
import keras


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(3)
    x = rng.integers(1, 20, size=(16, 7))
    for i in range(16):
        x[i, rng.integers(2, 7):] = 0
    y = rng.integers(0, 5, size=(16, 7))
    m = keras.Sequential([keras.Input((7,)), keras.layers.Embedding(20, 6, mask_zero=True),
                          keras.layers.LSTM(8, return_sequences=True), keras.layers.Dense(5, activation="softmax")])
    m.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    r = m.evaluate(x, y, batch_size=5, verbose=0, return_dict=True)
    m.save(os.path.join(out, "model.keras"))
    np.save(os.path.join(out, "x.npy"), x.astype("float32"))
    np.save(os.path.join(out, "y.npy"), y.astype("float32"))
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"batch_size": 5, **r}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
