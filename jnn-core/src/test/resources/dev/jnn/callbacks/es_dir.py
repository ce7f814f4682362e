import os; os.environ["KERAS_BACKEND"]="tensorflow"
import numpy as np, keras
from keras import ops
names=["accuracy","acc","mse","mae","mean_squared_error","binary_accuracy","categorical_accuracy","sparse_categorical_accuracy","auc","precision","recall","cosine_similarity","r2_score","categorical_crossentropy","binary_crossentropy","hinge","mape","msle","logcosh","root_mean_squared_error","top_k_categorical_accuracy"]
m=keras.Sequential([keras.Input((3,)),keras.layers.Dense(1,activation="sigmoid")])
mets=["accuracy","mse","mae","binary_accuracy","mape","msle","binary_crossentropy","hinge",keras.metrics.AUC(),keras.metrics.Precision(),keras.metrics.Recall(),keras.metrics.CosineSimilarity(),keras.metrics.R2Score(),keras.metrics.RootMeanSquaredError(),keras.metrics.LogCoshError()]
m.compile("sgd","mse",metrics=mets)
h=m.fit(np.random.rand(8,3),np.random.randint(0,2,(8,1)).astype("float32"),epochs=1,verbose=0)
print(list(h.history.keys()))
for k in h.history.keys():
    es=keras.callbacks.EarlyStopping(monitor="val_"+k); es.set_model(m)
    try:
        es._set_monitor_op(); print(k, "greater" if es.monitor_op==ops.greater else "less")
    except ValueError as e: print(k,"ERR")
