"""Keras files whose training jnn must resume exactly (Issue 5, optimizer state).

For each optimizer: build a small model, train it 2 epochs in Keras 3, save it as .keras and as legacy
.h5, then train 1 more epoch. The JSON holds the data, the predictions after 2 epochs and the weights
after 3; jnn loads the saved file, trains 1 epoch and must land on the same weights (1e-5).

Run from the repository root: /work/venv/bin/python tools/golden/make_keras_resume_golden.py
Writes jnn-core/src/test/resources/golden/keras_files/resume_<optimizer>.{keras,h5,json}.
"""
import json
import os
import zlib

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")

import numpy as np
import keras
import tensorflow as tf

tf.config.threading.set_inter_op_parallelism_threads(1)
tf.config.threading.set_intra_op_parallelism_threads(1)

OUT = os.path.join("jnn-core", "src", "test", "resources", "golden", "keras_files")


def floats(a):
    return [repr(float(v)) for v in np.asarray(a, dtype=np.float32).ravel()]


def build():
    return keras.Sequential([
        keras.Input((3,)),
        keras.layers.Dense(4, activation="relu", name="dense"),
        keras.layers.Dense(3, activation="tanh", name="dense_1"),
        keras.layers.BatchNormalization(name="batch_normalization"),
        keras.layers.Dense(1, name="dense_2"),
    ], name="sequential")


OPTIMIZERS = {
    "adam": lambda: keras.optimizers.Adam(learning_rate=0.01),
    "sgd_momentum": lambda: keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
    "rmsprop": lambda: keras.optimizers.RMSprop(learning_rate=0.01),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, make in OPTIMIZERS.items():
        seed = zlib.crc32(name.encode())
        keras.utils.set_random_seed(seed)
        rng = np.random.default_rng(seed)
        x = rng.normal(size=(24, 3)).astype(np.float32)
        y = (x @ np.array([[0.5], [-1.0], [0.25]], dtype=np.float32) + 0.1).astype(np.float32)
        model = build()
        model.compile(optimizer=make(), loss="mse")
        model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
        model.save(os.path.join(OUT, f"resume_{name}.keras"))
        model.save(os.path.join(OUT, f"resume_{name}.h5"))
        predicted = model.predict(x, verbose=0)
        model.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)
        doc = {
            "optimizer": name,
            "keras_version": keras.__version__,
            "x_shape": list(x.shape), "x": floats(x),
            "y_shape": list(y.shape), "y": floats(y),
            "epochs_saved": 2, "batch_size": 8,
            "predictions_saved": floats(predicted),
            "iterations_saved": 6,
            "weights_after_one_more_epoch": [floats(w) for w in model.get_weights()],
        }
        with open(os.path.join(OUT, f"resume_{name}.json"), "w") as f:
            json.dump(doc, f, indent=1)
        print(name, "done")


if __name__ == "__main__":
    main()
