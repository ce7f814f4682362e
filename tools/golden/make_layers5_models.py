"""Small real Keras 3.15.1 models built from the layers jnn added for real Keras files, saved as .keras and
legacy .h5 with their predictions, for jnn's loading test (Layers5ModelFilesTest):
jnn-core/src/test/resources/golden/layers5_models/<name>.keras, <name>.h5 and <name>.json holding
"x" (the input(s)), "predictions" (model.predict) and the parameter count.

Weights are seeded random values (numpy, CRC32 of the name), so every layer does real work; the
Normalization is adapted on seeded data. Run from the repository root:
    /work/venv/bin/python tools/golden/make_layers5_models.py
The .keras/.h5 bytes hold timestamps, so a rerun rewrites them; the predictions stay the same.
"""
import json
import os
import zlib

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers as L  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../jnn-core/src/test/resources/golden/layers5_models")


def rng_of(name):
    return np.random.default_rng(zlib.crc32(name.encode()))


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def randomize(model, rng):
    for layer in model.layers:
        if isinstance(layer, L.Normalization):
            continue
        ws = layer.get_weights()
        if ws:
            layer.set_weights([rng.uniform(-0.8, 0.8, w.shape).astype(np.float32) for w in ws])


def image_model(name):
    """Rescaling, Normalization, the augmentation layers (inference identity; not RandomBrightness, which
    Keras 3.15.1 cannot write to .h5), CenterCrop, Resizing,
    RandomCrop, GroupNormalization, UnitNormalization, noise and activity regularization."""
    rng = rng_of(name)
    norm = L.Normalization(name="norm")
    model = keras.Sequential([
        keras.Input((9, 8, 3)),
        L.Rescaling(1 / 255.0, name="rescale"),
        norm,
        L.RandomFlip(seed=1), L.RandomRotation(0.1, seed=2), L.RandomZoom(0.1, seed=3),
        L.RandomTranslation(0.1, 0.1, seed=4), L.RandomContrast(0.2, seed=5),
        L.CenterCrop(7, 6),
        L.Resizing(8, 8),
        L.RandomCrop(8, 8, seed=7),
        L.Conv2D(6, 3, activation="relu"),
        L.GroupNormalization(3),
        L.Conv2DTranspose(4, 3, strides=2, padding="same"),
        L.UnitNormalization(),
        L.GaussianDropout(0.2, seed=8),
        L.ActivityRegularization(l1=0.001),
        L.GlobalAveragePooling2D(),
        L.Dense(2, activation="softmax"),
    ], name=name)
    norm.adapt(rng.uniform(0, 1, (16, 9, 8, 3)).astype(np.float32))
    randomize(model, rng)
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    x = rng.uniform(0, 255, (3, 9, 8, 3)).astype(np.float32)
    return model, [x]


def sequence_model(name):
    """The 1-D layers and AdditiveAttention in a functional graph."""
    rng = rng_of(name)
    inp = keras.Input((10, 3), name="steps")
    h = L.ZeroPadding1D((1, 2))(inp)
    h = L.SeparableConv1D(4, 3, depth_multiplier=2, activation="tanh")(h)
    h = L.DepthwiseConv1D(3, padding="same", depth_multiplier=2)(h)
    h = L.Cropping1D((1, 1))(h)
    h = L.Conv1DTranspose(4, 3, strides=2, padding="same")(h)
    h = L.UpSampling1D(2)(h)
    h = L.AlphaDropout(0.1, seed=3)(h)
    h = L.Identity()(h)
    q = L.Dense(4)(h)
    a = L.AdditiveAttention()([q, h])
    out = L.Dense(1)(L.GlobalAveragePooling1D()(a))
    model = keras.Model(inp, out, name=name)
    randomize(model, rng)
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss=keras.losses.MeanSquaredError())
    x = rng.uniform(-1, 1, (4, 10, 3)).astype(np.float32)
    return model, [x]


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, make in (("image_preprocessing", image_model), ("sequence_layers", sequence_model)):
        keras.utils.clear_session()
        keras.utils.set_random_seed(zlib.crc32(name.encode()))
        model, xs = make(name)
        y = model.predict(xs[0] if len(xs) == 1 else xs, verbose=0)
        model.save(os.path.join(OUT, name + ".keras"))
        model.save(os.path.join(OUT, name + ".h5"))
        # Keras reads both files back to the same predictions.
        for ext in (".keras", ".h5"):
            again = keras.saving.load_model(os.path.join(OUT, name + ext))
            np.testing.assert_allclose(again.predict(xs[0], verbose=0), y, atol=1e-6)
        doc = {"name": name, "keras_version": keras.__version__, "params": model.count_params(),
               "x": [{"shape": list(x.shape), "values": flat(x)} for x in xs],
               "predictions": {"shape": list(y.shape), "values": flat(y)}}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print(name, model.count_params())


if __name__ == "__main__":
    main()
