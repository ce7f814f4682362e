"""Generates the golden files of jnn's MultiHeadAttention and Attention layers from real Keras 3.

For each case: weights drawn from numpy (seeded with the CRC32 of the case name) and set with
set_weights, fixed inputs with optional Keras masks, and fixed output weightings r (one per output);
writes the inputs, masks, the weights in get_weights() order with their paths inside the layer, the
outputs, and the gradients of sum(r0 * y0) + sum(r1 * y1) (y1: the attention scores when returned)
with respect to every input and weight, to jnn-core/src/test/resources/golden/attention/<case>.json
(all arrays flattened row-major). "self_attention" cases pass the same tensor as query and value.

usage:  /work/venv/bin/python tools/golden/make_attention_golden.py
"""

import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["TF_DETERMINISTIC_OPS"] = "1"

import json
import pathlib
import zlib

import numpy as np
import tensorflow as tf
import keras
from keras.src import backend

OUT = pathlib.Path(__file__).resolve().parents[2] / "jnn-core/src/test/resources/golden/attention"

MHA = keras.layers.MultiHeadAttention
ATT = keras.layers.Attention

# name: (class, kwargs, input shapes [query, value(, key)] or "self" shape, masks per input, call kwargs)
CASES = {
    "mha_self": (MHA, dict(num_heads=2, key_dim=3), "self", (2, 4, 5), None, {}),
    "mha_cross_key_value_dim": (MHA, dict(num_heads=3, key_dim=2, value_dim=4), [(2, 3, 4), (2, 5, 6), (2, 5, 3)],
                                None, {}),
    "mha_output_shape_no_bias": (MHA, dict(num_heads=2, key_dim=4, output_shape=7, use_bias=False),
                                 [(2, 3, 5), (2, 4, 5)], None, {}),
    "mha_causal": (MHA, dict(num_heads=2, key_dim=3), "self", (2, 5, 4), None, dict(use_causal_mask=True)),
    "mha_masked": (MHA, dict(num_heads=2, key_dim=2), [(2, 4, 3), (2, 5, 3)], ["random", "random"], {}),
    "mha_masked_key": (MHA, dict(num_heads=1, key_dim=3), [(2, 3, 3), (2, 4, 2), (2, 4, 5)],
                       [None, "random", "random"], {}),
    "mha_scores": (MHA, dict(num_heads=2, key_dim=3), [(2, 3, 4), (2, 4, 4)], None,
                   dict(return_attention_scores=True)),
    "mha_scores_causal_masked": (MHA, dict(num_heads=2, key_dim=2), "self", (2, 4, 3), ["random"],
                                 dict(return_attention_scores=True, use_causal_mask=True)),
    "mha_rank4": (MHA, dict(num_heads=2, key_dim=2), [(2, 2, 3, 4), (2, 3, 2, 4)], None, {}),
    "attention_dot": (ATT, {}, [(2, 3, 4), (2, 5, 4)], None, {}),
    "attention_dot_key_scale": (ATT, dict(use_scale=True), [(2, 3, 4), (2, 5, 3), (2, 5, 4)], None, {}),
    "attention_concat": (ATT, dict(score_mode="concat"), [(2, 3, 4), (2, 5, 4)], None, {}),
    "attention_concat_scale": (ATT, dict(score_mode="concat", use_scale=True), [(2, 3, 4), (2, 4, 2), (2, 4, 4)],
                               None, {}),
    "attention_causal": (ATT, {}, "self", (2, 4, 3), None, dict(use_causal_mask=True)),
    "attention_masked": (ATT, {}, [(2, 4, 3), (2, 5, 3)], ["random", "random"], {}),
    "attention_scores": (ATT, dict(use_scale=True), [(2, 3, 4), (2, 4, 4)], None,
                         dict(return_attention_scores=True)),
}


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def tensor(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": flat(a)}


def make(name, cls, kwargs, shapes, self_shape, masks, call_kwargs):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    self_attention = shapes == "self"
    if self_attention:
        shapes = [self_shape]
    xs = [tf.constant(rng.uniform(-1, 1, s).astype(np.float32)) for s in shapes]
    mask_values = []
    for i, s in enumerate(shapes):
        if masks is not None and masks[i] == "random":
            m = rng.uniform(0, 1, s[:-1]) < 0.7
            m[:, 0] = True  # no fully masked key rows
            mask_values.append(m)
        else:
            mask_values.append(None)
    layer = cls(**kwargs)
    inputs = [xs[0], xs[0]] if self_attention else xs
    if cls is MHA:
        layer.build(inputs[0].shape, inputs[1].shape, inputs[2].shape if len(inputs) > 2 else None)
    else:
        layer.build([x.shape for x in inputs])
    weights = [rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in layer.get_weights()]
    if cls is ATT:
        weights = [(1.0 + 0.5 * w).astype(np.float32) for w in weights]  # scalars near 1
    layer.set_weights(weights)
    with tf.GradientTape() as tape:
        for x in xs:
            tape.watch(x)
        for x, m in zip(xs, mask_values):
            if m is not None:
                backend.set_keras_mask(x, tf.constant(m))
        if cls is MHA:
            outs = layer(inputs[0], inputs[1], inputs[2] if len(inputs) > 2 else None, **call_kwargs)
        else:
            outs = layer(inputs, **call_kwargs)
        outs = list(outs) if isinstance(outs, (tuple, list)) else [outs]
        rs = [tf.constant(rng.uniform(-1, 1, o.shape).astype(np.float32)) for o in outs]
        s = sum(tf.reduce_sum(r * o) for r, o in zip(rs, outs))
    grads = tape.gradient(s, xs + layer.trainable_weights)
    out_mask = backend.get_keras_mask(outs[0])
    layer_path = layer.path + "/"
    return {
        "case": name,
        "class": cls.__name__,
        "config": {k: v for k, v in kwargs.items()},
        "call": call_kwargs,
        "self_attention": self_attention,
        "inputs": [tensor(x) for x in xs],
        "masks": [None if m is None else flat(m.astype(np.float32)) for m in mask_values],
        "weights": [{"name": w.path[len(layer_path):] if w.path.startswith(layer_path) else w.name,
                     "shape": list(v.shape), "values": flat(v)} for w, v in zip(layer.weights, weights)],
        "outputs": [tensor(o) for o in outs],
        "mask": None if out_mask is None else tensor(np.asarray(out_mask).astype(np.float32)),
        "r": [flat(r) for r in rs],
        "grad_inputs": [flat(g) for g in grads[:len(xs)]],
        "grad_weights": [flat(g) for g in grads[len(xs):]],
        "keras_version": keras.__version__,
    }


def main():
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (cls, kwargs, shapes, *rest) in CASES.items():
        if shapes == "self":
            self_shape, masks, call_kwargs = rest
        else:
            self_shape = None
            masks, call_kwargs = rest
        data = make(name, cls, kwargs, shapes, self_shape, masks, call_kwargs)
        (OUT / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {name}: {[o['shape'] for o in data['outputs']]} weights={[w['name'] for w in data['weights']]}"
              f" mask={'yes' if data['mask'] else 'no'}")


if __name__ == "__main__":
    main()
