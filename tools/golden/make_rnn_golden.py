"""Generates the golden files of jnn's recurrent layers (SimpleRNN, LSTM, GRU, Bidirectional) from real Keras 3.

For each case: a Keras layer with fixed weights (numpy, seeded with the CRC32 of the case name, set with
set_weights), a fixed input x, optionally a mask (passed as the call's `mask` argument, 1 = keep) and
initial states; writes x, the mask, the weights in get_weights() order and layout, every output of the
call (output, then the states with return_state), and the gradients of sum(out**2) over all outputs
with respect to x, every weight and the initial states (tf.GradientTape), to
jnn-core/src/test/resources/golden/rnn/<case>.json (arrays flattened row-major).

usage:  /work/venv/bin/python tools/golden/make_rnn_golden.py
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

OUT = pathlib.Path(__file__).resolve().parents[2] / "jnn-core/src/test/resources/golden/rnn"

# A mask for batch 3, time 6: right padding, a hole in the middle, and a row whose first steps are masked.
MASK = [[1, 1, 1, 1, 0, 0],
        [1, 0, 1, 1, 1, 0],
        [0, 0, 1, 1, 1, 1]]

# name: (class, kwargs, input shape, use mask, number of initial states, bidirectional merge mode or False).
# "mask" is True for the call's mask argument, "masking" for a keras.layers.Masking() in front whose input
# has the MASK's zero steps set to 0.0.
CASES = {
    "simple_rnn_last": ("SimpleRNN", dict(units=4), (2, 5, 3), False, 0, False),
    "simple_rnn_seq_relu_backwards": ("SimpleRNN", dict(units=3, activation="relu", return_sequences=True,
                                                        go_backwards=True), (2, 5, 3), False, 0, False),
    "simple_rnn_mask_seq": ("SimpleRNN", dict(units=3, return_sequences=True), (3, 6, 2), True, 0, False),
    "lstm_last": ("LSTM", dict(units=4), (2, 5, 3), False, 0, False),
    "lstm_seq": ("LSTM", dict(units=3, return_sequences=True), (2, 6, 4), False, 0, False),
    "lstm_backwards_seq_nobias": ("LSTM", dict(units=3, return_sequences=True, go_backwards=True, use_bias=False),
                                  (2, 5, 3), False, 0, False),
    "lstm_mask_seq": ("LSTM", dict(units=3, return_sequences=True), (3, 6, 2), True, 0, False),
    "lstm_mask_state": ("LSTM", dict(units=3, return_state=True), (3, 6, 2), True, 0, False),
    "lstm_initial_state": ("LSTM", dict(units=3, return_state=True, return_sequences=True), (2, 4, 3), False, 2,
                           False),
    "lstm_hard_sigmoid_relu": ("LSTM", dict(units=3, activation="relu", recurrent_activation="hard_sigmoid"),
                               (2, 4, 3), False, 0, False),
    "gru_last": ("GRU", dict(units=4), (2, 5, 3), False, 0, False),
    "gru_seq_reset_before": ("GRU", dict(units=3, return_sequences=True, reset_after=False), (2, 6, 4), False, 0,
                             False),
    "gru_mask_backwards_seq": ("GRU", dict(units=3, return_sequences=True, go_backwards=True), (3, 6, 2), True, 0,
                               False),
    "gru_reset_before_mask_state": ("GRU", dict(units=3, reset_after=False, return_state=True), (3, 6, 2), True, 0,
                                    False),
    "gru_initial_state": ("GRU", dict(units=3, return_state=True), (2, 4, 3), False, 1, False),
    "bidirectional_lstm_concat_seq_mask": ("LSTM", dict(units=3, return_sequences=True), (3, 6, 2), True, 0,
                                           "concat"),
    "bidirectional_gru_sum": ("GRU", dict(units=3), (2, 5, 3), False, 0, "sum"),
    "bidirectional_simple_rnn_ave_seq": ("SimpleRNN", dict(units=3, return_sequences=True), (2, 5, 2), False, 0,
                                         "ave"),
    "bidirectional_lstm_mul_mask": ("LSTM", dict(units=2), (3, 6, 2), True, 0, "mul"),
    "bidirectional_gru_none_seq": ("GRU", dict(units=2, return_sequences=True), (2, 4, 3), False, 0, None),
    "masking_lstm_seq": ("LSTM", dict(units=3, return_sequences=True), (3, 6, 2), "masking", 0, False),
    "masking_gru_last": ("GRU", dict(units=3), (3, 6, 2), "masking", 0, False),
}


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def make(name, cls, kwargs, shape, masked, n_states, merge):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    inner = getattr(keras.layers, cls)(**kwargs)
    layer = keras.layers.Bidirectional(inner, merge_mode=merge) if merge is not False else inner
    layer.build(shape)
    weights = [rng.uniform(-0.8, 0.8, w.shape).astype(np.float32) for w in layer.get_weights()]
    layer.set_weights(weights)
    x_np = rng.uniform(-1, 1, shape).astype(np.float32)
    if masked == "masking":
        x_np *= np.array(MASK[:shape[0]], dtype=np.float32)[:, :shape[1], None]
    x = tf.constant(x_np)
    units = kwargs["units"]
    states = [tf.constant(rng.uniform(-1, 1, (shape[0], units)).astype(np.float32)) for _ in range(n_states)]
    mask = tf.constant(np.array(MASK[:shape[0]], dtype=bool)[:, :shape[1]]) if masked is True else None
    with tf.GradientTape() as tape:
        tape.watch(x)
        for s in states:
            tape.watch(s)
        call = {}
        if mask is not None:
            call["mask"] = mask
        if states:
            call["initial_state"] = states
        out = layer(keras.layers.Masking()(x) if masked == "masking" else x, **call)
        outs = list(out) if isinstance(out, (list, tuple)) else [out]
        loss = tf.add_n([tf.reduce_sum(o * o) for o in outs])
    grads = tape.gradient(loss, [x] + states + layer.trainable_weights)
    spec = {
        "case": name,
        "class": cls,
        "config": kwargs,
        "bidirectional": merge is not False,
        "merge_mode": merge if merge is not False else None,
        "input_shape": list(shape),
        "x": flat(x),
        "mask": flat(np.asarray(mask, dtype=np.float32)) if masked is True else None,
        "masking": masked == "masking",
        "initial_states": [flat(s) for s in states],
        "weights": [{"name": w.path, "shape": list(w.shape), "values": flat(v)}
                    for w, v in zip(layer.weights, weights)],
        "outputs": [{"shape": list(o.shape), "values": flat(o)} for o in outs],
        "grad_x": flat(grads[0]),
        "grad_states": [flat(g) for g in grads[1:1 + n_states]],
        "grad_weights": [flat(g) for g in grads[1 + n_states:]],
    }
    return spec


def main():
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (cls, kwargs, shape, masked, n_states, merge) in CASES.items():
        spec = make(name, cls, kwargs, shape, masked, n_states, merge)
        (OUT / f"{name}.json").write_text(json.dumps(spec) + "\n")
        print("wrote", name)


if __name__ == "__main__":
    main()
