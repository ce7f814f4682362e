"""Real Keras models with data_format="channels_first" (Issue 5: files of every generation).

Keras 3 on the torch backend runs channels_first natively (TensorFlow's CPU kernels do not). Each model
gets random weights, is saved as .keras and as legacy .h5, and predicts on a fixed input; jnn loads the
files and must reproduce the predictions (1e-5).

Run from the repository root: /work/venv/bin/python tools/golden/make_channels_first_golden.py
Writes jnn-core/src/test/resources/golden/channels_first/<name>.{keras,h5,json}.
"""
import json
import os

os.environ["KERAS_BACKEND"] = "torch"

import numpy as np
import keras

OUT = os.path.join("jnn-core", "src", "test", "resources", "golden", "channels_first")
CF = "channels_first"


def models():
    yield "conv2d_pool_flatten", (2, 7, 6), keras.Sequential([
        keras.Input((2, 7, 6)),
        keras.layers.Conv2D(3, 3, padding="same", activation="relu", data_format=CF, name="conv"),
        keras.layers.MaxPooling2D(2, data_format=CF, name="max_pool"),
        keras.layers.Conv2D(4, (2, 1), strides=(1, 2), data_format=CF, name="conv_1"),
        keras.layers.AveragePooling2D((1, 2), padding="same", data_format=CF, name="avg_pool"),
        keras.layers.Flatten(data_format=CF, name="flatten"),
        keras.layers.Dense(5, activation="tanh", name="dense"),
    ], name="cf2d")
    yield "conv1d_global", (3, 11), keras.Sequential([
        keras.Input((3, 11)),
        keras.layers.Conv1D(4, 3, dilation_rate=2, padding="causal", data_format=CF, name="conv"),
        keras.layers.MaxPooling1D(2, padding="same", data_format=CF, name="max_pool"),
        keras.layers.AveragePooling1D(2, data_format=CF, name="avg_pool"),
        keras.layers.GlobalMaxPooling1D(data_format=CF, keepdims=True, name="gmax"),
        keras.layers.Flatten(data_format=CF, name="flatten"),
    ], name="cf1d")
    yield "global_average_2d", (3, 4, 5), keras.Sequential([
        keras.Input((3, 4, 5)),
        keras.layers.Conv2D(2, 2, data_format=CF, name="conv"),
        keras.layers.GlobalAveragePooling2D(data_format=CF, name="gavg"),
    ], name="cfg")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(7)
    for name, shape, model in models():
        model.set_weights([rng.normal(scale=0.5, size=w.shape).astype(np.float32) for w in model.get_weights()])
        x = rng.normal(size=(3,) + shape).astype(np.float32)
        y = np.asarray(model.predict(x, verbose=0), dtype=np.float32)
        model.save(os.path.join(OUT, name + ".keras"))
        model.save(os.path.join(OUT, name + ".h5"))
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump({"keras_version": keras.__version__, "backend": "torch",
                       "x_shape": list(x.shape), "x": [float(v) for v in x.ravel()],
                       "y_shape": list(y.shape), "y": [float(v) for v in y.ravel()]}, f)
        print(name, y.shape)


if __name__ == "__main__":
    main()
