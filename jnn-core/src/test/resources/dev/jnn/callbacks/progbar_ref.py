import io, sys, types, contextlib
import keras.src.utils.progbar as pb
from keras.src.callbacks.progbar_logger import ProgbarLogger

BASE = 1_000_000_000_000  # ns
class Clock:
    def __init__(self, offsets_ns): self.q = list(offsets_ns); self.used = []
    def time(self):
        v = self.q.pop(0); self.used.append(v); return (BASE + v) / 1e9

def jlit(s):
    import re
    pieces = []
    for part in re.split(r'(\x08+)', s):
        if not part: continue
        if part[0] == '\x08':
            pieces.append('"\\b".repeat(%d)' % len(part))
        else:
            pieces.extend(jlit1(part))
    return '\n        + '.join(pieces) if pieces else '""'

def jlit1(s):
    out = []
    for ch in s:
        if ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif ch == '\x1b': out.append('\\u001b')
        elif ch == '\b': out.append('\\b')
        elif ch == '\r': out.append('\\r')
        elif ch == '\n': out.append('\\n')
        else: out.append(ch)
    s = ''.join(out)
    # split for readability after each \n
    parts = s.split('\\n')
    lines = [p + '\\n' for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return ['"' + l + '"' for l in lines]

def run(name, clock_offsets, make, steps):
    clk = Clock(clock_offsets)
    pb.time = types.SimpleNamespace(time=clk.time)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        p = make()
        for st in steps:
            p.update(*st[:2], **(st[2] if len(st) > 2 else {}))
    assert not clk.q, (name, clk.q)
    print(f"// {name}: clock ns offsets {clk.used}")
    print(f"String {name} = {jlit(buf.getvalue())};\n")

ms = 1_000_000
# 1: verbose 1, averaged metrics, suppressed redraw, shrinking width, e-notation
run("v1Averaged", [0, 300*ms, 320*ms, 900*ms, 2100*ms, 3000*ms],
    lambda: pb.Progbar(5),
    [(1, [("loss", 12.5), ("mae", 0.0004)]),
     (2, [("loss", 0.25), ("mae", 0.0002)]),
     (3, [("loss", 0.125), ("mae", -0.5)]),
     (4, [("loss", 0.0625), ("mae", 0.001)]),
     (5, [("loss", 0.03125), ("mae", 0.002)])])
# 2: long ETA h:mm:ss then m:ss, stateful metrics
run("v1LongEta", [0, 5000*ms, 10000*ms, 990000*ms],
    lambda: pb.Progbar(1000, stateful_metrics=["acc"]),
    [(1, [("acc", 0.5)]), (2, [("acc", 0.75)]), (980, [("acc", 1.0)])])
# 3: us/step and ms/step, width 10, target 100 numdigits 3
run("v1FastSteps", [0, 50*ms, 70*ms, 71*ms + 500_000],
    lambda: pb.Progbar(100, width=10),
    [(1, [("loss", 3.0)]), (50, [("loss", 2.0)]), (100, [("loss", 1.0)])])
# 4: verbose 2 one line, negative metric (no abs in verbose 2)
run("v2Line", [0, 400*ms, 800*ms, 1700*ms],
    lambda: pb.Progbar(3, verbose=2),
    [(1, [("loss", 0.5), ("delta", -2.0)]), (2, [("loss", 0.25), ("delta", -2.0)]),
     (3, [("loss", 0.125), ("delta", -2.0)])])
# 5: unknown target, then finalize explicitly
run("v1Unknown", [0, 100*ms, 2600*ms],
    lambda: pb.Progbar(None),
    [(1, [("loss", 1.5)]), (7, [("loss", 0.5)], {"finalize": True})])
# 6: seconds per step, and step time exactly zero at current 0
run("v1SlowSteps", [0, 0, 2400*ms, 4900*ms],
    lambda: pb.Progbar(2),
    [(0, []), (1, [("loss", 1e-5)]), (2, [("loss", 0.0)])])

# ProgbarLogger: fit with 2 epochs, 3 steps, validation silent; then evaluate; verbose 1 and 2
def fit_run(name, verbose, epochs, offsets):
    clk = Clock(offsets)
    pb.time = types.SimpleNamespace(time=clk.time)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        cb = ProgbarLogger()
        cb.set_params({"verbose": verbose, "epochs": epochs, "steps": 3})
        cb.on_train_begin()
        for e in range(epochs):
            cb.on_epoch_begin(e)
            for b in range(3):
                cb.on_train_batch_begin(b)
                cb.on_train_batch_end(b, {"accuracy": 0.5 + 0.1 * b + e * 0.05, "loss": 0.3 - 0.05 * b - e * 0.01})
            cb.on_test_begin()
            cb.on_test_batch_end(0, {"accuracy": 0.7, "loss": 0.2})
            cb.on_test_end({"accuracy": 0.7, "loss": 0.2})
            cb.on_epoch_end(e, {"accuracy": 0.6 + e * 0.05, "loss": 0.25 - e * 0.01, "val_accuracy": 0.7, "val_loss": 0.2})
        cb.on_train_end()
    assert not clk.q, (name, clk.q)
    print(f"// {name}: clock ns offsets {clk.used}")
    print(f"String {name} = {jlit(buf.getvalue())};\n")

fit_run("fitVerbose1", 1, 2, [0, 100*ms, 200*ms, 300*ms, 330*ms, 1000*ms, 1200*ms, 1400*ms, 1600*ms, 1650*ms])
fit_run("fitVerbose2", 2, 2, [0, 330*ms, 1000*ms, 2650*ms])
fit_run("fitOneEpoch", 1, 1, [0, 100*ms, 200*ms, 300*ms, 330*ms])

def eval_run(name):
    clk = Clock([0, 100*ms, 200*ms, 250*ms])
    pb.time = types.SimpleNamespace(time=clk.time)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        cb = ProgbarLogger()
        cb.set_params({"verbose": 1, "epochs": 1, "steps": 2})
        cb.on_test_begin()
        cb.on_test_batch_end(0, {"loss": 0.5})
        cb.on_test_batch_end(1, {"loss": 0.25})
        cb.on_test_end({"loss": 0.25})
    assert not clk.q, (name, clk.q)
    print(f"// {name}: clock ns offsets {clk.used}")
    print(f"String {name} = {jlit(buf.getvalue())};\n")
eval_run("evaluateVerbose1")

def predict_run(name):
    clk = Clock([0, 100*ms, 200*ms, 250*ms])
    pb.time = types.SimpleNamespace(time=clk.time)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        cb = ProgbarLogger()
        cb.set_params({"verbose": 1, "epochs": 1, "steps": 2})
        cb.on_predict_begin()
        cb.on_predict_batch_end(0, {"outputs": 1.0})
        cb.on_predict_batch_end(1, {"outputs": 2.0})
        cb.on_predict_end()
    assert not clk.q, (name, clk.q)
    print(f"// {name}: clock ns offsets {clk.used}")
    print(f"String {name} = {jlit(buf.getvalue())};\n")
predict_run("predictVerbose1")

def unknown_run(name):
    clk = Clock([0, 100*ms, 200*ms, 300*ms, 1000*ms, 1100*ms, 1200*ms, 1300*ms])
    pb.time = types.SimpleNamespace(time=clk.time)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        cb = ProgbarLogger()
        cb.set_params({"verbose": "auto", "epochs": 2, "steps": None})
        cb.on_train_begin()
        for e in range(2):
            cb.on_epoch_begin(e)
            for b in range(2):
                cb.on_train_batch_end(b, {"loss": 1.0 / (b + 1 + e)})
            cb.on_epoch_end(e, {"loss": 0.75 - 0.25 * e})
        cb.on_train_end()
    assert not clk.q, (name, clk.q)
    print(f"// {name}: clock ns offsets {clk.used}")
    print(f"String {name} = {jlit(buf.getvalue())};\n")
unknown_run("fitUnknownSteps")
