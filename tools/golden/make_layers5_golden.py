"""Golden files for the layers jnn added to read real Keras files (Rescaling, Normalization, the image
preprocessing and augmentation layers, the 1-D shape layers, noise and normalization layers, the 1-D
convolution variants, AdditiveAttention), from real Keras 3.15.1 on TensorFlow.

For each case, jnn-core/src/test/resources/golden/layers5/<case>.json holds:
  "config":         what a .keras file's config.json holds for Sequential([Input(shape), layer]),
  "legacy_config":  the legacy .h5 model_config of that model,
  "x", "weights":   the input and the layer's weights (get_weights() order), seeded numpy values,
  "weight_names":   the weights' names as Keras stores them,
  "y":              layer(x, training=False),
  "grad_x", "grad_weights": gradients of sum(y**2) (tf.GradientTape) for x and the trainable weights,
and, for the random augmentation layers, "train": the drawn parameters, fixed by hand, and Keras's own
transform of x for them (the layer's transform_images with that transformation), with the gradient
of sum(y**2) for x where TensorFlow's gradient is the exact one.

Floats are float32 values written as the shortest decimal of the double. Run from the repository root:
    /work/venv/bin/python tools/golden/make_layers5_golden.py [name-filter]
Re-running rewrites identical files (data from numpy generators seeded with the CRC32 of the case).
"""
import json
import os
import sys
import tempfile
import zlib

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402
from keras import layers as L  # noqa: E402
from keras.src.legacy.saving import legacy_h5_format  # noqa: E402
from keras.src.saving import serialization_lib  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../jnn-core/src/test/resources/golden/layers5")
CASES = {}


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn
    return register


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def tensor(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": flat(a)}


def rng_of(name):
    return np.random.default_rng(zlib.crc32(name.encode()))


def legacy_config(model):
    """The legacy .h5 model_config, or the error Keras raises writing it."""
    try:
        return legacy_config_or_raise(model)
    except Exception as e:  # Keras 3.15.1 cannot deep-copy RandomBrightness's value_range (a TrackedList)
        return {"legacy_error": repr(e)}


def legacy_config_or_raise(model):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.h5")
        legacy_h5_format.save_model_to_hdf5(model, path, include_optimizer=False)
        with h5py.File(path, "r") as f:
            mc = f.attrs.get("model_config")
    return json.loads(mc.decode() if isinstance(mc, bytes) else mc)


def gradients(layer, x, training=False, call=None):
    """y = layer(x) (or call(x)) and the gradients of sum(y**2) for x and the trainable weights."""
    x = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = call(x) if call is not None else layer(x, training=training)
        loss = tf.reduce_sum(tf.square(y))
    grads = tape.gradient(loss, [x] + list(layer.trainable_weights))
    return y, grads


def layer_case(name, make, shape, low=-1.0, high=1.0, weights=None, grads=True):
    """A layer in Sequential([Input(shape[1:]), layer]): its configs, weights, inference output and gradients."""
    rng = rng_of(name)
    layer = make()
    model = keras.Sequential([keras.Input(shape[1:]), layer])
    if weights is not None:
        layer.set_weights(weights(rng, layer))
    elif layer.weights:
        layer.set_weights([rng.uniform(-1, 1, w.shape).astype(np.float32) for w in layer.get_weights()])
    x = rng.uniform(low, high, shape).astype(np.float32)
    y, g = gradients(layer, x)
    out = {
        "case": name,
        "class": type(layer).__name__,
        "keras_version": keras.__version__,
        "config": serialization_lib.serialize_keras_object(model),
        "legacy_config": legacy_config(model),
        "input_shape": list(shape),
        "x": tensor(x),
        "weight_names": [w.path.split("/")[-1] for w in layer.weights],
        "weights": [tensor(w) for w in layer.get_weights()],
        "y": tensor(y),
    }
    if grads:
        out["grad_x"] = flat(g[0]) if g[0] is not None else None
        out["grad_weights"] = [flat(w) for w in g[1:]]
    return out, layer, x


# ---- Rescaling ----

@case("rescaling_scalar")
def _(name):
    return layer_case(name, lambda: L.Rescaling(1 / 255.0), (2, 3, 4, 3), 0, 255)[0]


@case("rescaling_offset")
def _(name):
    return layer_case(name, lambda: L.Rescaling(1 / 127.5, offset=-1), (2, 5), 0, 255)[0]


@case("rescaling_per_channel")
def _(name):
    std = [0.229, 0.224, 0.225]
    mean = [0.485, 0.456, 0.406]
    return layer_case(name, lambda: L.Rescaling([1 / s for s in std], offset=[-m / s for m, s in zip(mean, std)]),
                      (2, 2, 3, 3), 0, 1)[0]


@case("rescaling_numpy_column")
def _(name):
    return layer_case(name, lambda: L.Rescaling(np.array([[2.0], [0.5], [-1.0], [3.0], [0.25]], dtype="float32"),
                                                offset=0.5), (2, 5, 2))[0]


# ---- Normalization ----

def adapted_case(name, make, shape, data_shape, low=-1.0, high=1.0):
    """A Normalization adapted on seeded data (inside its model, so build_config keeps a None batch)."""
    data = rng_of(name + "/adapt").uniform(-3, 5, data_shape).astype(np.float32)
    box = {}

    def adapt(rng, layer):
        layer.adapt(data)
        box["weights"] = layer.get_weights()
        return box["weights"]
    out, layer, x = layer_case(name, make, shape, low, high, weights=adapt)
    out["adapt"] = {"data": tensor(data), "mean": tensor(box["weights"][0]), "variance": tensor(box["weights"][1])}
    return out


@case("normalization_adapted")
def _(name):
    return adapted_case(name, lambda: L.Normalization(), (4, 3), (20, 3), -3, 5)


@case("normalization_adapted_axes_1_2")
def _(name):
    return adapted_case(name, lambda: L.Normalization(axis=(1, 2)), (2, 3, 4), (10, 3, 4), -3, 5)


@case("normalization_adapted_axis_none")
def _(name):
    return adapted_case(name, lambda: L.Normalization(axis=None), (2, 3, 2), (6, 3, 2), -3, 5)


@case("normalization_given_per_channel")
def _(name):
    return layer_case(name, lambda: L.Normalization(mean=[0.485 * 255, 0.456 * 255, 0.406 * 255],
                                                    variance=[(0.229 * 255) ** 2, (0.224 * 255) ** 2,
                                                              (0.225 * 255) ** 2]),
                      (2, 2, 3, 3), 0, 255)[0]


@case("normalization_given_scalar_axis_none")
def _(name):
    return layer_case(name, lambda: L.Normalization(axis=None, mean=2.0, variance=9.0), (3, 4))[0]


@case("normalization_given_column_axes_1_2")
def _(name):
    return layer_case(name, lambda: L.Normalization(axis=(1, 2), mean=[0.5, -1.0, 2.0, 0.0],
                                                    variance=[4.0, 0.25, 1.0, 0.0]), (2, 3, 4))[0]


@case("normalization_invert")
def _(name):
    return layer_case(name, lambda: L.Normalization(mean=[1.0, -2.0], variance=[4.0, 1e-16], invert=True),
                      (3, 2))[0]


# ---- image preprocessing and augmentation ----

IMAGE = (2, 5, 6, 3)


def train_part(layer, x, params, transformation, exact_grad=True):
    """Keras's own transform of x for fixed drawn numbers: the layer's transform_images(training=True)."""
    y, g = gradients(layer, x, call=lambda t: layer.transform_images(t, transformation(t), training=True))
    out = {"params": [float(p) for p in params], "y": tensor(y)}
    if exact_grad:
        out["grad_x"] = flat(g[0])
    return out


def image_case(name, make, params, transformation, shape=IMAGE, low=0.0, high=1.0, exact_grad=True):
    out, layer, x = layer_case(name, make, shape, low, high)
    out["train"] = train_part(layer, x, params, transformation, exact_grad)
    return out


def flips(values):
    return lambda t: {"flips": tf.constant(np.array(values, bool).reshape(-1, 1, 1, 1)), "input_shape": t.shape}


@case("random_flip_horizontal")
def _(name):
    return image_case(name, lambda: L.RandomFlip("horizontal", seed=3), [1, 0], flips([1, 0]))


@case("random_flip_vertical")
def _(name):
    return image_case(name, lambda: L.RandomFlip("vertical"), [0, 1], flips([0, 1]))


@case("random_flip_both")
def _(name):
    return image_case(name, lambda: L.RandomFlip(), [1, 0], flips([1, 0]))


def rotation(layer, angles):
    def make(t):
        angle = tf.constant(np.array(angles, np.float32))
        b = len(angles)
        h, w = (t.shape[1], t.shape[2]) if layer.data_format == "channels_last" else (t.shape[2], t.shape[3])
        m = layer._compute_affine_matrix(0.5, 0.5, angle, tf.zeros([b]), tf.zeros([b]), tf.ones([b]), tf.zeros([b]),
                                         tf.zeros([b]), h, w)
        return {"rotation_matrix": m, "angle": angle, "image_height": h, "image_width": w, "batch_size": b}
    return make


def rotation_case(name, make, angles, shape=IMAGE):
    out, layer, x = layer_case(name, make, shape, 0, 1)
    out["train"] = train_part(layer, x, angles, rotation(layer, angles), exact_grad=False)
    return out


@case("random_rotation_reflect")
def _(name):
    return rotation_case(name, lambda: L.RandomRotation(0.2, seed=11), [30.0, -50.0])


@case("random_rotation_constant_nearest")
def _(name):
    return rotation_case(name, lambda: L.RandomRotation((-0.4, 0.1), fill_mode="constant", fill_value=0.5,
                                                        interpolation="nearest"), [17.0, -123.0])


@case("random_rotation_wrap")
def _(name):
    return rotation_case(name, lambda: L.RandomRotation(0.6, fill_mode="wrap"), [45.0, 200.0])


@case("random_rotation_nearest_fill")
def _(name):
    return rotation_case(name, lambda: L.RandomRotation(0.25, fill_mode="nearest"), [-60.0, 10.0])


@case("random_rotation_channels_first")
def _(name):
    return rotation_case(name, lambda: L.RandomRotation(0.2, data_format="channels_first"), [25.0, -35.0],
                         shape=(2, 3, 5, 6))


def zoom_case(name, make, zooms):
    def transformation(t):
        z = np.array(zooms, np.float32).reshape(-1, 2)
        return {"height_zoom": tf.constant(z[:, :1]), "width_zoom": tf.constant(z[:, 1:]), "input_shape": t.shape}
    out, layer, x = layer_case(name, make, IMAGE, 0, 1)
    out["train"] = train_part(layer, x, [v for pair in zooms for v in pair], transformation, exact_grad=False)
    return out


@case("random_zoom_reflect")
def _(name):
    return zoom_case(name, lambda: L.RandomZoom(0.3), [(1.2, 1.2), (0.8, 0.8)])


@case("random_zoom_pair_constant")
def _(name):
    return zoom_case(name, lambda: L.RandomZoom((-0.3, -0.1), width_factor=(0.1, 0.4), fill_mode="constant",
                                                fill_value=1.0, seed=5), [(0.75, 1.3), (0.9, 1.1)])


@case("random_zoom_wrap")
def _(name):
    return zoom_case(name, lambda: L.RandomZoom(0.5, fill_mode="wrap"), [(1.45, 1.45), (0.6, 0.6)])


def translation_case(name, make, draws):
    def transformation(t):
        d = np.array(draws, np.float32).reshape(-1, 2)
        h, w = t.shape[1], t.shape[2]
        height = tf.multiply(tf.constant(d[:, :1]), h)
        width = tf.multiply(tf.constant(d[:, 1:]), w)
        return {"translations": tf.cast(tf.concat([width, height], axis=1), "float32"), "input_shape": t.shape}
    out, layer, x = layer_case(name, make, IMAGE, 0, 1)
    out["train"] = train_part(layer, x, [v for pair in draws for v in pair], transformation, exact_grad=False)
    return out


@case("random_translation_reflect")
def _(name):
    return translation_case(name, lambda: L.RandomTranslation(0.2, 0.3), [(0.1, -0.25), (-0.2, 0.3)])


@case("random_translation_constant_nearest")
def _(name):
    return translation_case(name, lambda: L.RandomTranslation(0.5, (-0.2, 0.4), fill_mode="constant",
                                                              interpolation="nearest", fill_value=-1.0),
                            [(0.33, -0.17), (-0.41, 0.29)])


@case("random_translation_wrap")
def _(name):
    return translation_case(name, lambda: L.RandomTranslation((-0.5, 0.5), 0.5, fill_mode="wrap"),
                            [(0.45, -0.35), (-0.3, 0.42)])


@case("random_translation_nearest_fill")
def _(name):
    return translation_case(name, lambda: L.RandomTranslation(0.4, 0.4, fill_mode="nearest"),
                            [(-0.37, 0.21), (0.26, -0.38)])


def contrast(factors):
    return lambda t: {"contrast_factor": tf.constant(np.array(factors, np.float32).reshape(-1, 1, 1, 1))}


@case("random_contrast")
def _(name):
    return image_case(name, lambda: L.RandomContrast(0.3, seed=9), [1.25, 1.05], contrast([1.25, 1.05]), low=0,
                      high=255)


@case("random_contrast_pair_unit_range")
def _(name):
    return image_case(name, lambda: L.RandomContrast((0.5, 0.2), value_range=(0, 1)), [0.7, 1.4],
                      contrast([0.7, 1.4]))


def brightness(draws, span):
    return lambda t: {"rgb_delta": tf.constant(np.array(draws, np.float32).reshape(-1, 1, 1, 1)) * span}


@case("random_brightness")
def _(name):
    return image_case(name, lambda: L.RandomBrightness(0.2), [0.15, -0.1], brightness([0.15, -0.1], 255), low=0,
                      high=255)


@case("random_brightness_range")
def _(name):
    return image_case(name, lambda: L.RandomBrightness((-0.3, 0.5), value_range=(1, -1), seed=4), [0.4, -0.25],
                      brightness([0.4, -0.25], 2), low=-1, high=1)


def crop_case(name, height, width, params, shape=IMAGE):
    """RandomCrop: at inference, Keras's documented smart_resize (Keras 3.15.1 returns the input unchanged,
    keras-team/keras#21868); in training, Keras's transform for the given window start."""
    from keras.src.utils import image_utils
    rng = rng_of(name)
    layer = L.RandomCrop(height, width, seed=7)
    model = keras.Sequential([keras.Input(shape[1:]), layer])
    x = rng.uniform(0, 1, shape).astype(np.float32)
    y, g = gradients(layer, x, call=lambda t: image_utils.smart_resize(t, (height, width)))
    out = {
        "case": name, "class": "RandomCrop", "keras_version": keras.__version__,
        "config": serialization_lib.serialize_keras_object(model), "legacy_config": legacy_config(model),
        "input_shape": list(shape), "x": tensor(x), "weight_names": [], "weights": [],
        "y": tensor(y), "y_source": "keras.src.utils.image_utils.smart_resize (documented inference behaviour)",
        "grad_x": flat(g[0]), "grad_weights": [],
    }
    if params is None:
        transformation = layer.get_random_transformation(tf.constant(x), training=True)
        params = []
    else:
        transformation = tuple(params)
    out["train"] = train_part(layer, x, params, lambda t: transformation)
    return out


@case("random_crop_larger")
def _(name):
    return crop_case(name, 3, 4, [1, 2])


@case("random_crop_smaller")
def _(name):
    return crop_case(name, 6, 4, None)


@case("random_crop_taller")
def _(name):
    return crop_case(name, 4, 6, None, shape=(2, 8, 5, 2))


@case("center_crop")
def _(name):
    return layer_case(name, lambda: L.CenterCrop(3, 4), IMAGE, 0, 1)[0]


@case("center_crop_upscale")
def _(name):
    return layer_case(name, lambda: L.CenterCrop(7, 4), IMAGE, 0, 1)[0]


@case("resizing_bilinear_down")
def _(name):
    return layer_case(name, lambda: L.Resizing(3, 4), (2, 5, 7, 3), 0, 1)[0]


@case("resizing_bilinear_up")
def _(name):
    return layer_case(name, lambda: L.Resizing(8, 9), (2, 5, 7, 2), 0, 1)[0]


@case("resizing_nearest_down")
def _(name):
    return layer_case(name, lambda: L.Resizing(3, 4, interpolation="nearest"), (2, 5, 7, 3), 0, 1)[0]


@case("resizing_nearest_up")
def _(name):
    return layer_case(name, lambda: L.Resizing(8, 9, interpolation="nearest"), (2, 5, 7, 2), 0, 1)[0]


@case("resizing_crop_to_aspect_ratio")
def _(name):
    return layer_case(name, lambda: L.Resizing(4, 4, crop_to_aspect_ratio=True), (2, 5, 7, 3), 0, 1)[0]


@case("resizing_pad_to_aspect_ratio")
def _(name):
    return layer_case(name, lambda: L.Resizing(6, 3, pad_to_aspect_ratio=True, fill_value=0.5), (2, 5, 7, 3),
                      0, 1)[0]


@case("resizing_channels_first")
def _(name):
    return layer_case(name, lambda: L.Resizing(4, 3, data_format="channels_first"), (2, 2, 5, 7), 0, 1)[0]


# ---- 1-D shape layers, Identity, noise, activity regularization, unit and group normalization ----

@case("zero_padding1d")
def _(name):
    return layer_case(name, lambda: L.ZeroPadding1D((1, 2)), (2, 4, 3))[0]


@case("zero_padding1d_channels_first")
def _(name):
    return layer_case(name, lambda: L.ZeroPadding1D(2, data_format="channels_first"), (2, 3, 4))[0]


@case("cropping1d")
def _(name):
    return layer_case(name, lambda: L.Cropping1D((2, 1)), (2, 6, 3))[0]


@case("up_sampling1d")
def _(name):
    return layer_case(name, lambda: L.UpSampling1D(3), (2, 4, 3))[0]


@case("identity")
def _(name):
    return layer_case(name, lambda: L.Identity(), (2, 3))[0]


@case("gaussian_dropout")
def _(name):
    out, layer, x = layer_case(name, lambda: L.GaussianDropout(0.3, seed=1), (4, 500), 0.5, 1.5)
    out["train_y"] = tensor(layer(tf.constant(x), training=True))
    return out


@case("alpha_dropout")
def _(name):
    out, layer, x = layer_case(name, lambda: L.AlphaDropout(0.2, seed=1), (4, 250))
    out["train_y"] = tensor(layer(tf.constant(x), training=True))
    return out


@case("activity_regularization")
def _(name):
    out, layer, x = layer_case(name, lambda: L.ActivityRegularization(l1=0.01, l2=0.02), (3, 4))
    t = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(t)
        y = layer(t)
        loss = tf.reduce_sum(tf.square(y)) + tf.add_n(layer.losses)
    out["activity_loss"] = float(np.float32(tf.add_n(layer.losses)))
    out["grad_x_with_loss"] = flat(tape.gradient(loss, t))
    return out


@case("activity_regularization_fit")
def _(name):
    """Dense(4) -> ActivityRegularization -> Dense(1), SGD on mse, 2 epochs of 2 batches, no shuffle."""
    rng = rng_of(name)
    model = keras.Sequential([keras.Input((3,)), L.Dense(4, activation="tanh"),
                              L.ActivityRegularization(l1=0.05, l2=0.1), L.Dense(1)])
    weights = [rng.uniform(-1, 1, w.shape).astype(np.float32) for w in model.get_weights()]
    model.set_weights(weights)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
    x = rng.uniform(-1, 1, (8, 3)).astype(np.float32)
    y = rng.uniform(-1, 1, (8, 1)).astype(np.float32)
    history = model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    evaluated = model.evaluate(x, y, batch_size=8, verbose=0)
    return {"case": name, "keras_version": keras.__version__, "config": serialization_lib.serialize_keras_object(model),
            "x": tensor(x), "y": tensor(y), "initial_weights": [tensor(w) for w in weights],
            "loss_history": [float(v) for v in history.history["loss"]], "evaluate_loss": float(evaluated),
            "final_weights": [tensor(w) for w in model.get_weights()]}


@case("unit_normalization")
def _(name):
    return layer_case(name, lambda: L.UnitNormalization(), (2, 3, 4))[0]


@case("unit_normalization_axes_1_2")
def _(name):
    return layer_case(name, lambda: L.UnitNormalization(axis=[1, 2]), (2, 3, 4))[0]


@case("group_normalization")
def _(name):
    return layer_case(name, lambda: L.GroupNormalization(2), (2, 4, 6))[0]


@case("group_normalization_instance")
def _(name):
    return layer_case(name, lambda: L.GroupNormalization(-1, epsilon=1e-5), (2, 3, 3, 4))[0]


@case("group_normalization_axis1_no_center")
def _(name):
    return layer_case(name, lambda: L.GroupNormalization(3, axis=1, center=False,
                                                         gamma_regularizer=keras.regularizers.L2(0.01)), (2, 6, 5))[0]


# ---- 1-D convolution variants and AdditiveAttention ----

@case("depthwise_conv1d")
def _(name):
    return layer_case(name, lambda: L.DepthwiseConv1D(3, activation="relu"), (2, 7, 3))[0]


@case("depthwise_conv1d_same_stride2_mult2")
def _(name):
    return layer_case(name, lambda: L.DepthwiseConv1D(3, strides=2, padding="same", depth_multiplier=2,
                                                      use_bias=False), (2, 8, 2))[0]


@case("depthwise_conv1d_dilated")
def _(name):
    return layer_case(name, lambda: L.DepthwiseConv1D(2, dilation_rate=3, padding="same"), (1, 9, 2))[0]


@case("depthwise_conv1d_channels_first")
def _(name):
    return layer_case(name, lambda: L.DepthwiseConv1D(3, data_format="channels_first"), (2, 3, 6))[0]


@case("separable_conv1d")
def _(name):
    return layer_case(name, lambda: L.SeparableConv1D(4, 3, activation="tanh"), (2, 7, 3))[0]


@case("separable_conv1d_same_stride2_mult2")
def _(name):
    return layer_case(name, lambda: L.SeparableConv1D(3, 3, strides=2, padding="same", depth_multiplier=2),
                      (2, 8, 2))[0]


@case("separable_conv1d_dilated_nobias")
def _(name):
    return layer_case(name, lambda: L.SeparableConv1D(2, 3, dilation_rate=2, use_bias=False), (1, 9, 3))[0]


@case("conv1d_transpose")
def _(name):
    return layer_case(name, lambda: L.Conv1DTranspose(3, 3), (2, 4, 2))[0]


@case("conv1d_transpose_same_stride2")
def _(name):
    return layer_case(name, lambda: L.Conv1DTranspose(2, 3, strides=2, padding="same", activation="relu"),
                      (2, 4, 3))[0]


@case("conv1d_transpose_valid_stride3_op1")
def _(name):
    return layer_case(name, lambda: L.Conv1DTranspose(2, 2, strides=3, output_padding=1), (1, 3, 2))[0]


def attention_case(name, make, shapes, with_scores=False, causal=False):
    """A functional model on [query, value(, key)] inputs; outputs and gradients of sum(y**2)."""
    rng = rng_of(name)
    inputs = [keras.Input(s[1:], name=n) for s, n in zip(shapes, ["query", "value", "key"])]
    layer = make()
    # Keras records call arguments as given: pass them only when they are not the defaults.
    kwargs = {k: True for k, v in (("return_attention_scores", with_scores), ("use_causal_mask", causal)) if v}
    outputs = layer(inputs, **kwargs)
    model = keras.Model(inputs, outputs)
    if layer.weights:
        layer.set_weights([rng.uniform(-1, 1, w.shape).astype(np.float32) for w in layer.get_weights()])
    xs = [tf.constant(rng.uniform(-1, 1, s).astype(np.float32)) for s in shapes]
    with tf.GradientTape() as tape:
        for t in xs:
            tape.watch(t)
        ys = layer(xs, training=False, return_attention_scores=with_scores, use_causal_mask=causal)
        y = ys[0] if with_scores else ys
        loss = tf.reduce_sum(tf.square(y))
    grads = tape.gradient(loss, xs + list(layer.trainable_weights))
    out = {"case": name, "class": type(layer).__name__, "keras_version": keras.__version__,
           "model_config": serialization_lib.serialize_keras_object(model),
           "legacy_model_config": legacy_config(model),
           "inputs": [tensor(t) for t in xs], "weight_names": [w.path.split("/")[-1] for w in layer.weights],
           "weights": [tensor(w) for w in layer.get_weights()], "y": tensor(y),
           "grad_inputs": [flat(g) for g in grads[:len(xs)]], "grad_weights": [flat(g) for g in grads[len(xs):]]}
    if with_scores:
        out["scores"] = tensor(ys[1])
    return out


@case("additive_attention")
def _(name):
    return attention_case(name, lambda: L.AdditiveAttention(), [(2, 3, 4), (2, 5, 4)])


@case("additive_attention_no_scale_key_scores")
def _(name):
    return attention_case(name, lambda: L.AdditiveAttention(use_scale=False), [(2, 3, 4), (2, 5, 2), (2, 5, 4)],
                          with_scores=True)


@case("additive_attention_causal")
def _(name):
    return attention_case(name, lambda: L.AdditiveAttention(dropout=0.1, seed=3), [(2, 4, 3), (2, 4, 3)],
                          causal=True)


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else None
    os.makedirs(OUT, exist_ok=True)
    for name, fn in CASES.items():
        if only and only not in name:
            continue
        keras.utils.clear_session()
        keras.utils.set_random_seed(zlib.crc32(name.encode()))
        out = fn(name)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(out, f, indent=1)
            f.write("\n")
        print(name)


if __name__ == "__main__":
    main()
