package dev.jnn.io;

import static dev.jnn.io.LayerJson.activation;
import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerJson.decimal;
import static dev.jnn.io.LayerJson.initializer;
import static dev.jnn.io.LayerJson.regularizer;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.Activation;
import dev.jnn.layers.BatchNormalization;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.ELU;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.GaussianNoise;
import dev.jnn.layers.Input;
import dev.jnn.layers.LayerNormalization;
import dev.jnn.layers.LeakyReLU;
import dev.jnn.layers.PReLU;
import dev.jnn.layers.Permute;
import dev.jnn.layers.ReLU;
import dev.jnn.layers.RepeatVector;
import dev.jnn.layers.Reshape;
import dev.jnn.layers.Softmax;
import dev.jnn.layers.SpatialDropout1D;
import dev.jnn.layers.SpatialDropout2D;
import dev.jnn.tensor.Shape;

/** Core, activation, noise and normalization layers. */
final class CoreLayerCodecs {
    private CoreLayerCodecs() {
    }

    static void register() {
        add("InputLayer", Input.class, false, CoreLayerCodecs::readInput, CoreLayerCodecs::writeInput);
        add("Dense", Dense.class, true, CoreLayerCodecs::readDense, CoreLayerCodecs::writeDense);
        add("Activation", Activation.class, false,
                a -> new Activation(a.activation("linear", "activation")),
                l -> {
                    ObjectNode c = base(l);
                    c.put("activation", activation(l, l.config().activation()));
                    return c;
                });
        add("Dropout", Dropout.class, false, a -> {
            a.requireNull("noise_shape");
            return new Dropout(new Dropout.Config(a.floatValue(0.5f, "rate", "p"), a.seed()));
        }, l -> {
            ObjectNode c = base(l);
            c.put("rate", decimal(l.config().rate()));
            LayerJson.seed(c, l.config().seed());
            c.putNull("noise_shape");
            return c;
        });
        add("SpatialDropout1D", SpatialDropout1D.class, false, a -> {
            a.requireNull("noise_shape");
            return new SpatialDropout1D(new SpatialDropout1D.Config(a.floatValue(0.5f, "rate", "p"), a.seed()));
        }, l -> {
            ObjectNode c = JsonNodes.object();
            c.put("rate", decimal(l.config().rate()));
            LayerJson.seed(c, l.config().seed());
            c.put("name", l.name());
            c.put("dtype", "float32");
            return c;
        });
        add("SpatialDropout2D", SpatialDropout2D.class, false, a -> {
            a.requireNull("noise_shape");
            a.requireOneOf("dim_ordering", "tf", "default");
            return new SpatialDropout2D(new SpatialDropout2D.Config(a.floatValue(0.5f, "rate", "p"),
                    a.string("channels_last", "data_format"), a.seed()));
        }, l -> {
            ObjectNode c = JsonNodes.object();
            c.put("rate", decimal(l.config().rate()));
            LayerJson.seed(c, l.config().seed());
            c.put("name", l.name());
            c.put("dtype", "float32");
            c.put("data_format", l.config().dataFormat());
            return c;
        });
        add("GaussianNoise", GaussianNoise.class, false,
                a -> new GaussianNoise(new GaussianNoise.Config(a.floatValue(0f, "stddev", "sigma"), a.seed())),
                l -> {
                    ObjectNode c = base(l);
                    c.put("stddev", decimal(l.config().stddev()));
                    LayerJson.seed(c, l.config().seed());
                    return c;
                });
        add("Flatten", Flatten.class, true, a -> new Flatten(new Flatten.Config(a.dataFormat())), l -> {
            ObjectNode c = base(l);
            c.put("data_format", l.config().dataFormat().kerasName());
            return c;
        });
        add("Reshape", Reshape.class, false, a -> new Reshape(a.ints("target_shape", "dims")), l -> {
            ObjectNode c = base(l);
            c.set("target_shape", JsonNodes.ints(l.config().targetShape()));
            return c;
        });
        add("Permute", Permute.class, true, a -> new Permute(a.ints("dims")), l -> {
            ObjectNode c = base(l);
            c.set("dims", JsonNodes.ints(l.config().dims()));
            return c;
        });
        add("RepeatVector", RepeatVector.class, true, a -> new RepeatVector(a.intValue(0, "n")), l -> {
            ObjectNode c = base(l);
            c.put("n", l.config().n());
            return c;
        });
        add("Softmax", Softmax.class, false, a -> new Softmax(a.intValue(-1, "axis")), l -> {
            ObjectNode c = base(l);
            c.put("axis", l.config().axis());
            return c;
        });
        add("ReLU", ReLU.class, false, a -> new ReLU(new ReLU.Config(a.nullableFloat("max_value"),
                a.floatValue(0f, "negative_slope"), a.floatValue(0f, "threshold"))), l -> {
                    ObjectNode c = base(l);
                    if (l.config().maxValue() == null) {
                        c.putNull("max_value");
                    } else {
                        c.put("max_value", decimal(l.config().maxValue()));
                    }
                    c.put("negative_slope", decimal(l.config().negativeSlope()));
                    c.put("threshold", decimal(l.config().threshold()));
                    return c;
                });
        add("LeakyReLU", LeakyReLU.class, false,
                a -> new LeakyReLU(a.floatValue(0.3f, "negative_slope", "alpha")),
                l -> {
                    ObjectNode c = base(l);
                    c.put("negative_slope", decimal(l.config().negativeSlope()));
                    return c;
                });
        add("ELU", ELU.class, false, a -> new ELU(a.floatValue(1f, "alpha")), l -> {
            // Keras's ELU.get_config puts alpha between name and trainable.
            ObjectNode c = JsonNodes.object();
            c.put("name", l.name());
            c.put("alpha", decimal(l.config().alpha()));
            c.put("trainable", true);
            c.set("dtype", LayerJson.dtypePolicy());
            return c;
        });
        add("PReLU", PReLU.class, true, a -> {
            a.requireNull("alpha_constraint");
            int[] shared = a.ints("shared_axes");
            return new PReLU(new PReLU.Config(a.initializer("zeros", "alpha_initializer", "init"),
                    a.regularizer("alpha_regularizer"), shared));
        }, l -> {
            ObjectNode c = base(l);
            c.set("alpha_initializer", initializer(l.config().alphaInitializer()));
            c.set("alpha_regularizer", regularizer(l.config().alphaRegularizer()));
            c.putNull("alpha_constraint");
            int[] shared = l.config().sharedAxes();
            if (shared.length == 0) {
                c.putNull("shared_axes");
            } else {
                c.set("shared_axes", JsonNodes.ints(shared));
            }
            return c;
        });
        add("BatchNormalization", BatchNormalization.class, true, LayerRegistry.kwargs("mask"),
                CoreLayerCodecs::readBatchNormalization, CoreLayerCodecs::writeBatchNormalization);
        add("LayerNormalization", LayerNormalization.class, true,
                CoreLayerCodecs::readLayerNormalization, CoreLayerCodecs::writeLayerNormalization);
    }

    /** An InputLayer on its own (Keras 1/2 functional graphs and Keras 3 configs list them as layers). */
    static Input readInput(LayerArgs a) {
        Shape shape = a.declaredInputShape();
        a.ignore("sparse", "ragged", "optional");
        if (shape == null) {
            throw a.unsupported("an InputLayer without a shape");
        }
        int[] dims = new int[shape.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.dim(i);
        }
        Input input = Input.shape(dims);
        if (a.name() != null) {
            input.named(a.name());
        }
        return input;
    }

    static ObjectNode writeInput(Input l) {
        return inputConfig(l.shape(), l.name());
    }

    /** Keras 3's InputLayer config. */
    static ObjectNode inputConfig(Shape shape, String name) {
        ObjectNode c = JsonNodes.object();
        c.set("batch_shape", JsonNodes.batchShape(shape));
        c.put("dtype", "float32");
        c.put("sparse", false);
        c.put("ragged", false);
        c.put("name", name);
        c.put("optional", false);
        return c;
    }

    private static Dense readDense(LayerArgs a) {
        a.requireNull("kernel_constraint", "bias_constraint", "W_constraint", "b_constraint",
                "activity_regularizer", "quantization_config", "lora_rank");
        a.ignore("lora_alpha");
        return new Dense(new Dense.Config(a.intValue(0, "units", "output_dim"), a.activation("linear", "activation"),
                a.bool(true, "use_bias", "bias"), a.initializer("glorot_uniform", "kernel_initializer", "init"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("kernel_regularizer", "W_regularizer"),
                a.regularizer("bias_regularizer", "b_regularizer")));
    }

    private static ObjectNode writeDense(Dense l) {
        Dense.Config d = l.config();
        ObjectNode c = base(l);
        c.put("units", d.units());
        c.put("activation", activation(l, d.activation()));
        c.put("use_bias", d.useBias());
        c.set("kernel_initializer", initializer(d.kernelInitializer()));
        c.set("bias_initializer", initializer(d.biasInitializer()));
        c.set("kernel_regularizer", regularizer(d.kernelRegularizer()));
        c.set("bias_regularizer", regularizer(d.biasRegularizer()));
        c.putNull("kernel_constraint");
        c.putNull("bias_constraint");
        c.putNull("quantization_config");
        return c;
    }

    /** A single axis, also when older Keras writes it as a one-element list. */
    private static int axis(LayerArgs a, int defaultValue) {
        JsonNode v = a.get("axis");
        if (v == null) {
            return defaultValue;
        }
        if (v.isArray()) {
            if (v.size() != 1) {
                throw a.unsupported("axis=" + v + " (one axis only)");
            }
            v = v.get(0);
        }
        return v.asInt();
    }

    private static BatchNormalization readBatchNormalization(LayerArgs a) {
        a.requireNull("beta_constraint", "gamma_constraint", "renorm_clipping", "virtual_batch_size", "adjustment",
                "activity_regularizer");
        a.requireOneOf("synchronized", false);
        a.requireOneOf("renorm", false);
        a.requireOneOf("mode", 0);
        a.ignore("renorm_momentum", "fused");
        return new BatchNormalization(new BatchNormalization.Config(axis(a, -1), a.floatValue(0.99f, "momentum"),
                a.floatValue(1e-3f, "epsilon"), a.bool(true, "center"), a.bool(true, "scale"),
                a.initializer("zeros", "beta_initializer", "beta_init"),
                a.initializer("ones", "gamma_initializer", "gamma_init"),
                a.initializer("zeros", "moving_mean_initializer"),
                a.initializer("ones", "moving_variance_initializer"),
                a.regularizer("beta_regularizer"), a.regularizer("gamma_regularizer")));
    }

    private static ObjectNode writeBatchNormalization(BatchNormalization l) {
        BatchNormalization.Config b = l.config();
        ObjectNode c = base(l);
        c.put("axis", b.axis());
        c.put("momentum", decimal(b.momentum()));
        c.put("epsilon", decimal(b.epsilon()));
        c.put("center", b.center());
        c.put("scale", b.scale());
        c.set("beta_initializer", initializer(b.betaInitializer()));
        c.set("gamma_initializer", initializer(b.gammaInitializer()));
        c.set("moving_mean_initializer", initializer(b.movingMeanInitializer()));
        c.set("moving_variance_initializer", initializer(b.movingVarianceInitializer()));
        c.set("beta_regularizer", regularizer(b.betaRegularizer()));
        c.set("gamma_regularizer", regularizer(b.gammaRegularizer()));
        c.putNull("beta_constraint");
        c.putNull("gamma_constraint");
        c.put("synchronized", false);
        c.put("renorm", false);
        c.putNull("renorm_clipping");
        c.put("renorm_momentum", 0.99);
        return c;
    }

    private static LayerNormalization readLayerNormalization(LayerArgs a) {
        a.requireNull("beta_constraint", "gamma_constraint", "activity_regularizer");
        a.requireOneOf("rms_scaling", false);
        return new LayerNormalization(new LayerNormalization.Config(axis(a, -1), a.floatValue(1e-3f, "epsilon"),
                a.bool(true, "center"), a.bool(true, "scale"), a.initializer("zeros", "beta_initializer"),
                a.initializer("ones", "gamma_initializer"), a.regularizer("beta_regularizer"),
                a.regularizer("gamma_regularizer")));
    }

    private static ObjectNode writeLayerNormalization(LayerNormalization l) {
        LayerNormalization.Config n = l.config();
        ObjectNode c = base(l);
        c.set("axis", JsonNodes.ints(n.axis()));
        c.put("epsilon", decimal(n.epsilon()));
        c.put("center", n.center());
        c.put("scale", n.scale());
        c.put("rms_scaling", false);
        c.set("beta_initializer", initializer(n.betaInitializer()));
        c.set("gamma_initializer", initializer(n.gammaInitializer()));
        c.set("beta_regularizer", regularizer(n.betaRegularizer()));
        c.set("gamma_regularizer", regularizer(n.gammaRegularizer()));
        c.putNull("beta_constraint");
        c.putNull("gamma_constraint");
        return c;
    }
}
