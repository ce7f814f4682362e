"""Writes what real Keras 3.15.1 serializes for a set of models, for jnn's KerasConfig tests:
jnn-core/src/test/resources/golden/keras_config/keras3/<case>.json holding
  "config":          the object a .keras file's config.json holds (serialize_keras_object(model)),
  "legacy_config":   the legacy .h5 root attribute model_config (legacy_h5_format), parsed,
  "legacy_training": the legacy .h5 root attribute training_config, parsed (compiled cases only).

Run from the repository root: /work/venv/bin/python tools/golden/make_keras_config_golden.py
Re-running rewrites identical files (no weights are stored, only configs).
"""
import json
import os
import sys
import tempfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import h5py  # noqa: E402
import keras  # noqa: E402
from keras import layers as L  # noqa: E402
from keras.src.legacy.saving import legacy_h5_format  # noqa: E402
from keras.src.saving import serialization_lib  # noqa: E402

OUT = "jnn-core/src/test/resources/golden/keras_config/keras3"
CASES = {}


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn
    return register


def seq(shape, *layers, name="sequential"):
    return keras.Sequential([keras.Input(shape)] + list(layers), name=name)


# ---- single layers, each in a Sequential with an Input (so build_config is present) ----

LAYER_CASES = {
    "dense_default": ((4,), lambda: L.Dense(3)),
    "dense_full": ((4,), lambda: L.Dense(5, activation="relu", use_bias=False, name="hidden",
                                          kernel_initializer=keras.initializers.HeNormal(seed=7),
                                          bias_initializer="ones",
                                          kernel_regularizer=keras.regularizers.L2(0.01),
                                          bias_regularizer=keras.regularizers.L1L2(0.001, 0.002))),
    "dense_3d": ((3, 4), lambda: L.Dense(2, activation="tanh")),
    "activation_softmax": ((4,), lambda: L.Activation("softmax")),
    "activation_gelu": ((4,), lambda: L.Activation("gelu")),
    "dropout": ((4,), lambda: L.Dropout(0.25, seed=3)),
    "flatten": ((2, 3), lambda: L.Flatten()),
    "reshape": ((6,), lambda: L.Reshape((2, 3))),
    "permute": ((2, 3), lambda: L.Permute((2, 1))),
    "repeat_vector": ((4,), lambda: L.RepeatVector(3)),
    "softmax_layer": ((4,), lambda: L.Softmax(axis=-1)),
    "relu_layer": ((4,), lambda: L.ReLU(max_value=6.0, negative_slope=0.1, threshold=0.5)),
    "relu_default": ((4,), lambda: L.ReLU()),
    "leaky_relu": ((4,), lambda: L.LeakyReLU(negative_slope=0.2)),
    "elu_layer": ((4,), lambda: L.ELU(alpha=0.5)),
    "prelu": ((3, 4), lambda: L.PReLU(shared_axes=[1])),
    "gaussian_noise": ((4,), lambda: L.GaussianNoise(0.1, seed=5)),
    "spatial_dropout1d": ((5, 4), lambda: L.SpatialDropout1D(0.2)),
    "spatial_dropout2d": ((5, 5, 4), lambda: L.SpatialDropout2D(0.2, seed=1)),
    "batch_normalization": ((4,), lambda: L.BatchNormalization(momentum=0.9, epsilon=1e-5,
                                                             gamma_regularizer=keras.regularizers.L2(0.1))),
    "layer_normalization": ((3, 4), lambda: L.LayerNormalization(epsilon=1e-6, center=False)),
    "conv1d": ((10, 3), lambda: L.Conv1D(4, 3, strides=2, padding="same", activation="relu")),
    "conv1d_causal": ((10, 3), lambda: L.Conv1D(2, 2, padding="causal", dilation_rate=2)),
    "conv2d": ((8, 8, 3), lambda: L.Conv2D(4, (3, 2), strides=(2, 1), padding="same", activation="relu",
                                             kernel_regularizer=keras.regularizers.L2(1e-4))),
    "conv2d_transpose": ((5, 5, 2), lambda: L.Conv2DTranspose(3, 3, strides=2, padding="same",
                                                                output_padding=1)),
    "depthwise_conv2d": ((6, 6, 2), lambda: L.DepthwiseConv2D(3, depth_multiplier=2, activation="relu")),
    "separable_conv2d": ((6, 6, 2), lambda: L.SeparableConv2D(4, 3, padding="same")),
    "max_pooling1d": ((8, 3), lambda: L.MaxPooling1D(2)),
    "average_pooling1d": ((8, 3), lambda: L.AveragePooling1D(3, strides=1, padding="same")),
    "max_pooling2d": ((8, 8, 3), lambda: L.MaxPooling2D((2, 2))),
    "average_pooling2d": ((8, 8, 3), lambda: L.AveragePooling2D((3, 2), strides=(1, 2), padding="same")),
    "global_average_pooling1d": ((5, 3), lambda: L.GlobalAveragePooling1D()),
    "global_max_pooling1d": ((5, 3), lambda: L.GlobalMaxPooling1D(keepdims=True)),
    "global_average_pooling2d": ((5, 5, 3), lambda: L.GlobalAveragePooling2D()),
    "global_max_pooling2d": ((5, 5, 3), lambda: L.GlobalMaxPooling2D()),
    "cropping2d": ((8, 8, 3), lambda: L.Cropping2D(((1, 2), (0, 1)))),
    "zero_padding2d": ((4, 4, 3), lambda: L.ZeroPadding2D(((1, 0), (2, 1)))),
    "up_sampling2d": ((4, 4, 3), lambda: L.UpSampling2D((2, 3))),
    "up_sampling2d_bilinear": ((4, 4, 3), lambda: L.UpSampling2D((2, 3), interpolation="bilinear")),
    "embedding": ((5,), lambda: L.Embedding(20, 4, mask_zero=True)),
    "masking": ((5, 3), lambda: L.Masking(mask_value=0.0)),
    "simple_rnn": ((5, 3), lambda: L.SimpleRNN(4, return_sequences=True)),
    "lstm": ((5, 3), lambda: L.LSTM(4, recurrent_dropout=0.0, unit_forget_bias=True)),
    "gru": ((5, 3), lambda: L.GRU(4, reset_after=True, go_backwards=True)),
    "bidirectional_lstm": ((5, 3), lambda: L.Bidirectional(L.LSTM(4, return_sequences=True), merge_mode="concat")),
    "time_distributed_dense": ((5, 3), lambda: L.TimeDistributed(L.Dense(2))),
}

for _name, (_shape, _factory) in LAYER_CASES.items():
    CASES[_name] = (lambda shape=_shape, factory=_factory: seq(shape, factory()))


# ---- models ----

@case("sequential_mlp_compiled")
def _():
    m = seq((4,), L.Dense(8, activation="relu", name="hidden"), L.Dropout(0.5), L.Dense(1, activation="sigmoid"),
            name="mlp")
    m.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return m


@case("sequential_sgd_objects")
def _():
    m = seq((3,), L.Dense(2))
    m.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True),
              loss=keras.losses.MeanSquaredError(), metrics=["mae", keras.metrics.RootMeanSquaredError()])
    return m


@case("sequential_rmsprop_xent")
def _():
    m = seq((3,), L.Dense(4, activation="softmax"))
    m.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01, clipnorm=1.0),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False),
              metrics=["sparse_categorical_accuracy"])
    return m


@case("sequential_no_input")
def _():
    return keras.Sequential([L.Dense(3), L.Dense(1)], name="lazy")


@case("functional_simple")
def _():
    x = keras.Input((4,), name="x")
    y = L.Dense(2, name="out")(L.Dense(3, activation="relu", name="h")(x))
    return keras.Model(x, y, name="simple")


@case("functional_two_inputs_add")
def _():
    a = keras.Input((16,), name="a")
    b = keras.Input((32,), name="b")
    h = L.Add(name="sum")([L.Dense(8, activation="relu")(a), L.Dense(8, activation="relu")(b)])
    return keras.Model([a, b], L.Dense(4)(h), name="two_inputs")


@case("functional_two_outputs_compiled")
def _():
    x = keras.Input((6,), name="features")
    h = L.Dense(8, activation="relu", name="trunk")(x)
    digit = L.Dense(3, activation="softmax", name="digit")(h)
    odd = L.Dense(1, activation="sigmoid", name="odd")(h)
    m = keras.Model(x, [digit, odd], name="heads")
    m.compile(optimizer=keras.optimizers.Adam(0.01),
              loss={"digit": "sparse_categorical_crossentropy", "odd": "binary_crossentropy"},
              loss_weights={"digit": 1.0, "odd": 0.5},
              metrics={"digit": ["accuracy"], "odd": ["accuracy"]})
    return m


@case("functional_shared_layer")
def _():
    a = keras.Input((4,), name="left")
    b = keras.Input((4,), name="right")
    shared = L.Dense(3, name="shared")
    h = L.Concatenate(name="cat")([shared(a), shared(b)])
    return keras.Model([a, b], L.Dense(1, name="score")(h), name="siamese")


@case("functional_nested_sequential")
def _():
    inner = seq((4,), L.Dense(3, activation="relu"), name="inner")
    x = keras.Input((4,), name="x")
    y = L.Dense(1, name="head")(inner(x))
    return keras.Model(x, y, name="outer")


@case("functional_cnn")
def _():
    x = keras.Input((8, 8, 1), name="image")
    h = L.Conv2D(4, 3, activation="relu")(x)
    h = L.MaxPooling2D()(h)
    h = L.BatchNormalization()(h)
    h = L.Flatten()(h)
    return keras.Model(x, L.Dense(10, activation="softmax")(h), name="cnn")


@case("functional_resnet_block")
def _():
    x = keras.Input((8, 8, 4), name="x")
    h = L.Conv2D(4, 3, padding="same")(x)
    h = L.Activation("relu")(h)
    h = L.Add()([x, h])
    h = L.GlobalAveragePooling2D()(h)
    return keras.Model(x, L.Dense(2)(h), name="resblock")


@case("functional_merges")
def _():
    a = keras.Input((4,), name="a")
    b = keras.Input((4,), name="b")
    outs = [L.Subtract()([a, b]), L.Multiply()([a, b]), L.Average()([a, b]), L.Maximum()([a, b]),
            L.Minimum()([a, b]), L.Dot(axes=1)([a, b])]
    return keras.Model([a, b], L.Concatenate(axis=-1)(outs), name="merges")


@case("functional_attention")
def _():
    q = keras.Input((5, 4), name="q")
    v = keras.Input((6, 4), name="v")
    att = L.Attention(use_scale=True)([q, v])
    mha = L.MultiHeadAttention(num_heads=2, key_dim=3)(q, v)
    return keras.Model([q, v], L.Concatenate()([att, mha]), name="attn")


@case("functional_lstm_states")
def _():
    x = keras.Input((5, 3), name="seq")
    out, h, c = L.LSTM(4, return_state=True, name="enc")(x)
    return keras.Model(x, [out, h, c], name="states")


def legacy_attrs(model):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.h5")
        legacy_h5_format.save_model_to_hdf5(model, path, include_optimizer=True)
        with h5py.File(path, "r") as f:
            mc = f.attrs.get("model_config")
            tc = f.attrs.get("training_config")
    decode = lambda v: None if v is None else json.loads(v.decode() if isinstance(v, bytes) else v)
    return decode(mc), decode(tc)


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else None
    os.makedirs(OUT, exist_ok=True)
    for name, factory in CASES.items():
        if only and only not in name:
            continue
        keras.utils.clear_session()
        try:
            model = factory()
        except Exception as e:  # a case Keras itself rejects is a bug in this script
            raise RuntimeError(name) from e
        config = serialization_lib.serialize_keras_object(model)
        out = {"case": name, "keras_version": keras.__version__, "config": config}
        try:
            legacy, training = legacy_attrs(model)
            out["legacy_config"] = legacy
            out["legacy_training"] = training
        except Exception as e:
            out["legacy_error"] = repr(e)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(out, f, indent=1)
            f.write("\n")
        print(name)


if __name__ == "__main__":
    main()
