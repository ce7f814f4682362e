import io, contextlib, warnings
import numpy as np
import keras
class FakeModel:
    def __init__(self): self.stop_training=False; self.w=0.0; self.restored=None
    def get_weights(self): return [np.array([self.w], dtype="float32")]
    def set_weights(self, ws): self.restored = float(ws[0][0])

def run(name, kwargs, seq, key=None):
    key = key or kwargs.get("monitor", "val_loss")
    es = keras.callbacks.EarlyStopping(**kwargs)
    m = FakeModel(); es.set_model(m)
    buf = io.StringIO(); rows = []
    with contextlib.redirect_stdout(buf), warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        es.on_train_begin()
        for e, v in enumerate(seq):
            m.w = float(e)
            es.on_epoch_end(e, {key: v})
            rows.append((e, es.wait, None if es.best is None else float(es.best), bool(m.stop_training)))
            if m.stop_training: break
        es.on_train_end()
    print(name, kwargs, seq)
    for r in rows: print("   epoch=%d wait=%d best=%r stop=%s" % r)
    print("   stopped_epoch=%d best_epoch=%d restored=%r out=%r warnings=%r" % (es.stopped_epoch, es.best_epoch, m.restored, buf.getvalue(), [str(x.message) for x in w]))

run("A", dict(monitor="val_loss", patience=2), [1.0, 0.9, 0.95, 0.92, 0.91, 0.8])
run("B", dict(monitor="loss", min_delta=0.05, mode="min", patience=1), [1.0, 0.97, 0.94, 0.90, 0.89, 0.8])
run("C", dict(monitor="accuracy", mode="max", baseline=0.8, patience=2), [0.5, 0.6, 0.7, 0.85, 0.86])
run("D", dict(monitor="val_loss", start_from_epoch=2), [1.0, 2.0, 3.0, 4.0, 5.0])
run("E", dict(monitor="val_loss", patience=2, restore_best_weights=True, verbose=1), [0.5, 0.4, 0.45, 0.46, 0.3])
run("F", dict(monitor="val_loss", baseline=0.1, patience=2, restore_best_weights=True, verbose=1), [0.5, 0.4, 0.6, 0.3])
run("G", dict(monitor="val_loss", patience=0), [0.5, 0.6])
run("H", dict(monitor="val_auc", mode="max", min_delta=-0.01, patience=1), [0.5, 0.505, 0.52, 0.52])
run("I", dict(monitor="val_loss", patience=0, verbose=1), [0.5, 0.5])
# missing monitor
es = keras.callbacks.EarlyStopping(monitor="val_loss")
m = FakeModel(); es.set_model(m)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    es.on_train_begin(); es.on_epoch_end(0, {"accuracy": 0.5, "loss": 0.3})
print("missing:", [str(x.message) for x in w], m.stop_training)
