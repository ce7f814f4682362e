"""Keras 1 convolution files from the Theano era (Issue 5), laid out as Keras 1.2.2 wrote them.

No Keras 1 runs here, so the files are written with h5py in Keras 1.2.2's layout (the one of the
Keras 1 fixtures in ../shared/keras-fixtures): model_config with Keras 1 names (Convolution2D,
nb_filter, dim_ordering "th", border_mode, subsample), model_weights/<layer>/<layer>_W:0 with the
kernel in Keras 1's order, flipped along its spatial axes for the Theano backend (Theano convolves,
TensorFlow correlates). The expected predictions come from the same network built in Keras 3
(torch backend, channels_first); Keras 2's preprocess_weights_for_loading defines the conversion.

Run from the repository root: /work/venv/bin/python tools/golden/make_legacy_conv_golden.py
Writes jnn-core/src/test/resources/golden/legacy_conv/<name>.{h5,json}.
"""
import json
import os

os.environ["KERAS_BACKEND"] = "torch"

import h5py
import numpy as np
import keras

OUT = os.path.join("jnn-core", "src", "test", "resources", "golden", "legacy_conv")


def flip(kernel):
    """Keras's convert_kernel: reversed along every axis but the last two."""
    spatial = kernel.ndim - 2
    return kernel[(slice(None, None, -1),) * spatial]


def common(name, activation="linear"):
    return {"name": name, "trainable": True, "activation": activation, "init": "glorot_uniform",
            "W_regularizer": None, "b_regularizer": None, "activity_regularizer": None,
            "W_constraint": None, "b_constraint": None, "bias": True}


def conv2d_model(rng):
    model = keras.Sequential([
        keras.Input((2, 7, 6)),
        keras.layers.Conv2D(3, (3, 2), activation="relu", data_format="channels_first"),
        keras.layers.MaxPooling2D(2, data_format="channels_first"),
        keras.layers.Flatten(),                      # Keras 1's Flatten reshapes the channels_first tensor as is
        keras.layers.Dense(4),
    ])
    model.set_weights([rng.normal(scale=0.5, size=w.shape).astype(np.float32) for w in model.get_weights()])
    k, b, dk, db = model.get_weights()
    conv = common("convolution2d_1", "relu")
    conv.update({"batch_input_shape": [None, 2, 7, 6], "input_dtype": "float32", "nb_filter": 3, "nb_row": 3,
                 "nb_col": 2, "border_mode": "valid", "subsample": [1, 1], "dim_ordering": "th"})
    pool = {"name": "maxpooling2d_1", "trainable": True, "pool_size": [2, 2], "strides": [2, 2],
            "border_mode": "valid", "dim_ordering": "th"}
    dense = common("dense_1")
    dense.update({"output_dim": 4, "input_dim": int(dk.shape[0])})
    config = [{"class_name": "Convolution2D", "config": conv}, {"class_name": "MaxPooling2D", "config": pool},
              {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": True}},
              {"class_name": "Dense", "config": dense}]
    weights = {"convolution2d_1": [("convolution2d_1_W", np.transpose(flip(k), (3, 2, 0, 1))),
                                   ("convolution2d_1_b", b)],
               "maxpooling2d_1": [], "flatten_1": [],
               "dense_1": [("dense_1_W", dk), ("dense_1_b", db)]}
    return model, (2, 7, 6), config, weights


def conv1d_model(rng):
    model = keras.Sequential([
        keras.Input((9, 3)),
        keras.layers.Conv1D(4, 3, padding="same", activation="tanh"),
        keras.layers.Flatten(),
        keras.layers.Dense(2),
    ])
    model.set_weights([rng.normal(scale=0.5, size=w.shape).astype(np.float32) for w in model.get_weights()])
    k, b, dk, db = model.get_weights()
    conv = common("convolution1d_1", "tanh")
    conv.update({"batch_input_shape": [None, 9, 3], "input_dtype": "float32", "nb_filter": 4, "filter_length": 3,
                 "border_mode": "same", "subsample_length": 1, "input_dim": 3, "input_length": 9})
    dense = common("dense_1")
    dense.update({"output_dim": 2, "input_dim": int(dk.shape[0])})
    config = [{"class_name": "Convolution1D", "config": conv},
              {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": True}},
              {"class_name": "Dense", "config": dense}]
    # Keras 1.2 kept Conv1D kernels 4-D: (length, 1, in, filters)
    weights = {"convolution1d_1": [("convolution1d_1_W", flip(k)[:, None, :, :]), ("convolution1d_1_b", b)],
               "flatten_1": [], "dense_1": [("dense_1_W", dk), ("dense_1_b", db)]}
    return model, (9, 3), config, weights


def write(path, config, weights):
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"1.2.2"
        f.attrs["backend"] = b"theano"
        f.attrs["model_config"] = json.dumps({"class_name": "Sequential", "config": config}).encode()
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = np.array([n.encode() for n in weights])
        for layer, arrays in weights.items():
            lg = g.create_group(layer)
            lg.attrs["weight_names"] = np.array([(n + ":0").encode() for n, _ in arrays], dtype="S")
            for n, a in arrays:
                lg.create_dataset(n + ":0", data=np.ascontiguousarray(a, dtype=np.float32))


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(11)
    for name, build in (("theano_conv2d_th", conv2d_model), ("theano_conv1d", conv1d_model)):
        model, shape, config, weights = build(rng)
        x = rng.normal(size=(3,) + shape).astype(np.float32)
        y = np.asarray(model.predict(x, verbose=0), dtype=np.float32)
        write(os.path.join(OUT, name + ".h5"), config, weights)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump({"x_shape": list(x.shape), "x": [float(v) for v in x.ravel()],
                       "y_shape": list(y.shape), "y": [float(v) for v in y.ravel()]}, f)
        print(name, y.shape)


if __name__ == "__main__":
    main()
