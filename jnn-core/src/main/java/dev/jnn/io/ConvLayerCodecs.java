package dev.jnn.io;

import static dev.jnn.io.LayerJson.activation;
import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerJson.initializer;
import static dev.jnn.io.LayerJson.regularizer;
import static dev.jnn.io.LayerRegistry.add;
import static dev.jnn.io.LayerRegistry.alias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.activations.ActivationFunction;
import dev.jnn.initializers.Initializer;
import dev.jnn.layers.AveragePooling1D;
import dev.jnn.layers.AveragePooling2D;
import dev.jnn.layers.Conv1D;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.Conv2DTranspose;
import dev.jnn.layers.DataFormat;
import dev.jnn.layers.Cropping2D;
import dev.jnn.layers.DepthwiseConv2D;
import dev.jnn.layers.GlobalAveragePooling1D;
import dev.jnn.layers.GlobalAveragePooling2D;
import dev.jnn.layers.GlobalMaxPooling1D;
import dev.jnn.layers.GlobalMaxPooling2D;
import dev.jnn.layers.Layer;
import dev.jnn.layers.MaxPooling1D;
import dev.jnn.layers.MaxPooling2D;
import dev.jnn.layers.Padding;
import dev.jnn.layers.SeparableConv2D;
import dev.jnn.layers.UpSampling2D;
import dev.jnn.layers.ZeroPadding2D;
import dev.jnn.regularizers.Regularizer;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Convolution, pooling and 2D border/resize layers (channels_last only). */
final class ConvLayerCodecs {
    private ConvLayerCodecs() {
    }

    /** Keras's {@code data_format} and {@code dilation_rate}, in its key order. */
    static void dataFormatDilated(ObjectNode c, DataFormat format, JsonNode dilationRate) {
        c.put("data_format", format.kerasName());
        c.set("dilation_rate", dilationRate);
    }

    /** Keras's {@code data_format} and {@code dilation_rate} of a layer that computes in channels_last only. */
    private static void channelsLastDilated(ObjectNode c, JsonNode dilationRate) {
        dataFormatDilated(c, DataFormat.CHANNELS_LAST, dilationRate);
    }

    /** Keras's {@code output_padding} of a transposed convolution: the tuple, or null to infer it. */
    static void outputPadding(ObjectNode c, List<Integer> outputPadding) {
        if (outputPadding == null) {
            c.putNull("output_padding");
        } else {
            c.set("output_padding", JsonNodes.ints(outputPadding));
        }
    }

    static void register() {
        add("Conv1D", Conv1D.class, true, ConvLayerCodecs::readConv1D, l -> {
            Conv1D.Config k = l.config();
            ObjectNode c = convStart(l, k.filters(), k.kernelSize(), k.strides(), k.padding());
            dataFormatDilated(c, k.dataFormat(), JsonNodes.ints(k.dilationRate()));
            c.put("groups", 1);
            convEnd(l, c, k.activation(), k.useBias(), "kernel", k.kernelInitializer(), k.biasInitializer(),
                    k.kernelRegularizer(), k.biasRegularizer());
            return c;
        });
        alias("Convolution1D", "Conv1D");
        add("Conv2D", Conv2D.class, true, ConvLayerCodecs::readConv2D, l -> {
            Conv2D.Config k = l.config();
            ObjectNode c = convStart(l, k.filters(), k.kernelSize(), k.strides(), k.padding());
            dataFormatDilated(c, k.dataFormat(), JsonNodes.ints(k.dilationRate()));
            c.put("groups", 1);
            convEnd(l, c, k.activation(), k.useBias(), "kernel", k.kernelInitializer(), k.biasInitializer(),
                    k.kernelRegularizer(), k.biasRegularizer());
            return c;
        });
        alias("Convolution2D", "Conv2D");
        add("Conv2DTranspose", Conv2DTranspose.class, true, ConvLayerCodecs::readConv2DTranspose, l -> {
            Conv2DTranspose.Config k = l.config();
            ObjectNode c = convStart(l, k.filters(), k.kernelSize(), k.strides(), k.padding());
            outputPadding(c, k.outputPadding());
            channelsLastDilated(c, JsonNodes.ints(k.dilationRate()));
            convEnd(l, c, k.activation(), k.useBias(), "kernel", k.kernelInitializer(), k.biasInitializer(),
                    k.kernelRegularizer(), k.biasRegularizer());
            return c;
        });
        alias("Deconvolution2D", "Conv2DTranspose");
        add("DepthwiseConv2D", DepthwiseConv2D.class, true, ConvLayerCodecs::readDepthwise, l -> {
            DepthwiseConv2D.Config k = l.config();
            ObjectNode c = depthwiseStart(l, k.depthMultiplier(), null, k.kernelSize(), k.strides(), k.padding(),
                    DataFormat.CHANNELS_LAST, k.dilationRate());
            convEnd(l, c, k.activation(), k.useBias(), "depthwise", k.depthwiseInitializer(), k.biasInitializer(),
                    k.depthwiseRegularizer(), k.biasRegularizer());
            return c;
        });
        add("SeparableConv2D", SeparableConv2D.class, true, ConvLayerCodecs::readSeparable, l -> {
            SeparableConv2D.Config k = l.config();
            ObjectNode c = depthwiseStart(l, k.depthMultiplier(), k.filters(), k.kernelSize(), k.strides(), k.padding(),
                    DataFormat.CHANNELS_LAST, k.dilationRate());
            separableEnd(l, c, k.activation(), k.useBias(), k.depthwiseInitializer(), k.pointwiseInitializer(),
                    k.biasInitializer(), k.depthwiseRegularizer(), k.pointwiseRegularizer(), k.biasRegularizer());
            return c;
        });
        alias("SeparableConvolution2D", "SeparableConv2D");

        add("MaxPooling1D", MaxPooling1D.class, false, a -> {
            int[] p = pool1d(a);
            return new MaxPooling1D(new MaxPooling1D.Config(p[0], p[1], padding(a).kerasName(), a.dataFormat()));
        }, l -> pool(l, List.of(l.config().poolSize()), l.config().padding(), List.of(l.config().strides()),
                l.config().dataFormat()));
        add("AveragePooling1D", AveragePooling1D.class, false, a -> {
            int[] p = pool1d(a);
            return new AveragePooling1D(new AveragePooling1D.Config(p[0], p[1], padding(a).kerasName(), a.dataFormat()));
        }, l -> pool(l, List.of(l.config().poolSize()), l.config().padding(), List.of(l.config().strides()),
                l.config().dataFormat()));
        add("MaxPooling2D", MaxPooling2D.class, false, a -> {
            List<Integer>[] p = pool2d(a);
            return new MaxPooling2D(new MaxPooling2D.Config(p[0].get(0), p[0].get(1), p[1].get(0), p[1].get(1),
                    padding(a).kerasName(), a.dataFormat()));
        }, l -> {
            MaxPooling2D.Config k = l.config();
            return pool(l, List.of(k.poolHeight(), k.poolWidth()), k.padding(), List.of(k.strideHeight(), k.strideWidth()),
                    k.dataFormat());
        });
        add("AveragePooling2D", AveragePooling2D.class, false, a -> {
            List<Integer>[] p = pool2d(a);
            return new AveragePooling2D(new AveragePooling2D.Config(p[0].get(0), p[0].get(1), p[1].get(0),
                    p[1].get(1), padding(a).kerasName(), a.dataFormat()));
        }, l -> {
            AveragePooling2D.Config k = l.config();
            return pool(l, List.of(k.poolHeight(), k.poolWidth()), k.padding(), List.of(k.strideHeight(), k.strideWidth()),
                    k.dataFormat());
        });
        alias("MaxPool1D", "MaxPooling1D");
        alias("MaxPool2D", "MaxPooling2D");
        alias("AvgPool1D", "AveragePooling1D");
        alias("AvgPool2D", "AveragePooling2D");

        global("GlobalAveragePooling1D", GlobalAveragePooling1D.class,
                (k, f) -> new GlobalAveragePooling1D(new GlobalAveragePooling1D.Config(k, f)),
                l -> l.config().keepdims(), l -> l.config().dataFormat());
        global("GlobalMaxPooling1D", GlobalMaxPooling1D.class,
                (k, f) -> new GlobalMaxPooling1D(new GlobalMaxPooling1D.Config(k, f)),
                l -> l.config().keepdims(), l -> l.config().dataFormat());
        global("GlobalAveragePooling2D", GlobalAveragePooling2D.class,
                (k, f) -> new GlobalAveragePooling2D(new GlobalAveragePooling2D.Config(k, f)),
                l -> l.config().keepdims(), l -> l.config().dataFormat());
        global("GlobalMaxPooling2D", GlobalMaxPooling2D.class,
                (k, f) -> new GlobalMaxPooling2D(new GlobalMaxPooling2D.Config(k, f)),
                l -> l.config().keepdims(), l -> l.config().dataFormat());
        alias("GlobalAvgPool1D", "GlobalAveragePooling1D");
        alias("GlobalAvgPool2D", "GlobalAveragePooling2D");
        alias("GlobalMaxPool1D", "GlobalMaxPooling1D");
        alias("GlobalMaxPool2D", "GlobalMaxPooling2D");

        add("Cropping2D", Cropping2D.class, true, a -> {
            a.requireChannelsLast();
            int[] b = borders(a, "cropping");
            return new Cropping2D(new Cropping2D.Config(b[0], b[1], b[2], b[3]));
        }, l -> {
            ObjectNode c = base(l);
            Cropping2D.Config k = l.config();
            c.set("cropping", pairs(k.top(), k.bottom(), k.left(), k.right()));
            c.put("data_format", "channels_last");
            return c;
        });
        add("ZeroPadding2D", ZeroPadding2D.class, true, a -> {
            a.requireChannelsLast();
            int[] b = borders(a, "padding");
            return new ZeroPadding2D(new ZeroPadding2D.Config(b[0], b[1], b[2], b[3]));
        }, l -> {
            ObjectNode c = base(l);
            ZeroPadding2D.Config k = l.config();
            c.set("padding", pairs(k.top(), k.bottom(), k.left(), k.right()));
            c.put("data_format", "channels_last");
            return c;
        });
        add("UpSampling2D", UpSampling2D.class, true, a -> {
            a.requireChannelsLast();
            List<Integer> size = a.tuple(2, List.of(2, 2), "size");
            a.requireOneOf("interpolation", "nearest");
            return new UpSampling2D(new UpSampling2D.Config(size.get(0), size.get(1), "nearest"));
        }, l -> {
            ObjectNode c = base(l);
            c.set("size", JsonNodes.ints(l.config().sizeHeight(), l.config().sizeWidth()));
            c.put("data_format", "channels_last");
            c.put("interpolation", l.config().interpolation());
            return c;
        });
    }

    private static <L extends Layer> void global(String name, Class<L> type, BiFunction<Boolean, DataFormat, L> create,
                                                 Function<L, Boolean> keepdims, Function<L, DataFormat> format) {
        add(name, type, false, a -> create.apply(a.bool(false, "keepdims"), a.dataFormat()), l -> {
            ObjectNode c = base(l);
            c.put("data_format", format.apply(l).kerasName());
            c.put("keepdims", keepdims.apply(l));
            return c;
        });
    }

    private static Padding padding(LayerArgs a) {
        String p = a.string("valid", "padding", "border_mode");
        try {
            return Padding.of(p);
        } catch (IllegalArgumentException e) {
            throw a.unsupported("padding=" + p);
        }
    }

    private static void convCommon(LayerArgs a) {
        a.requireChannelsLast();
        convArguments(a);
    }

    /** The arguments every convolution reads the same way, data format aside. */
    private static void convArguments(LayerArgs a) {
        a.requireOneOf("groups", 1);
        a.requireNull("kernel_constraint", "bias_constraint", "W_constraint", "b_constraint", "activity_regularizer",
                "lora_rank");
        a.ignore("lora_alpha");
    }

    private static Conv1D readConv1D(LayerArgs a) {
        convArguments(a);
        return new Conv1D(new Conv1D.Config(a.intValue(0, "filters", "nb_filter"),
                a.tuple(1, null, "kernel_size", "filter_length"), a.tuple(1, List.of(1), "strides", "subsample_length"),
                padding(a), a.tuple(1, List.of(1), "dilation_rate"), a.activation("linear", "activation"),
                a.bool(true, "use_bias", "bias"), a.initializer("glorot_uniform", "kernel_initializer", "init"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("kernel_regularizer", "W_regularizer"),
                a.regularizer("bias_regularizer", "b_regularizer"), a.dataFormat()));
    }

    private static List<Integer> kernel2d(LayerArgs a) {
        if (a.has("nb_row")) {
            return List.of(a.intValue(0, "nb_row"), a.intValue(0, "nb_col"));
        }
        return a.tuple(2, null, "kernel_size");
    }

    private static Conv2D readConv2D(LayerArgs a) {
        convArguments(a);
        return new Conv2D(new Conv2D.Config(a.intValue(0, "filters", "nb_filter"), kernel2d(a),
                a.tuple(2, List.of(1, 1), "strides", "subsample"), padding(a),
                a.tuple(2, List.of(1, 1), "dilation_rate", "atrous_rate"), a.activation("linear", "activation"),
                a.bool(true, "use_bias", "bias"), a.initializer("glorot_uniform", "kernel_initializer", "init"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("kernel_regularizer", "W_regularizer"),
                a.regularizer("bias_regularizer", "b_regularizer"), a.dataFormat()));
    }

    private static Conv2DTranspose readConv2DTranspose(LayerArgs a) {
        convCommon(a);
        return new Conv2DTranspose(new Conv2DTranspose.Config(a.intValue(0, "filters", "nb_filter"), kernel2d(a),
                a.tuple(2, List.of(1, 1), "strides", "subsample"), padding(a), a.tuple(2, null, "output_padding"),
                a.tuple(2, List.of(1, 1), "dilation_rate"), a.activation("linear", "activation"),
                a.bool(true, "use_bias", "bias"), a.initializer("glorot_uniform", "kernel_initializer", "init"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("kernel_regularizer", "W_regularizer"),
                a.regularizer("bias_regularizer", "b_regularizer")));
    }

    private static DepthwiseConv2D readDepthwise(LayerArgs a) {
        convCommon(a);
        a.requireNull("depthwise_constraint");
        return new DepthwiseConv2D(new DepthwiseConv2D.Config(a.tuple(2, null, "kernel_size"),
                a.tuple(2, List.of(1, 1), "strides"), padding(a), a.intValue(1, "depth_multiplier"),
                a.tuple(2, List.of(1, 1), "dilation_rate"), a.activation("linear", "activation"),
                a.bool(true, "use_bias"), a.initializer("glorot_uniform", "depthwise_initializer"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("depthwise_regularizer"),
                a.regularizer("bias_regularizer")));
    }

    private static SeparableConv2D readSeparable(LayerArgs a) {
        convCommon(a);
        a.requireNull("depthwise_constraint", "pointwise_constraint");
        return new SeparableConv2D(new SeparableConv2D.Config(a.intValue(0, "filters", "nb_filter"), kernel2d(a),
                a.tuple(2, List.of(1, 1), "strides", "subsample"), padding(a),
                a.tuple(2, List.of(1, 1), "dilation_rate"), a.intValue(1, "depth_multiplier"),
                a.activation("linear", "activation"), a.bool(true, "use_bias", "bias"),
                a.initializer("glorot_uniform", "depthwise_initializer", "init"),
                a.initializer("glorot_uniform", "pointwise_initializer", "init"),
                a.initializer("zeros", "bias_initializer"), a.regularizer("depthwise_regularizer"),
                a.regularizer("pointwise_regularizer"), a.regularizer("bias_regularizer", "b_regularizer")));
    }

    static ObjectNode convStart(Layer l, int filters, List<Integer> kernel, List<Integer> strides,
                                        Padding padding) {
        ObjectNode c = base(l);
        c.put("filters", filters);
        c.set("kernel_size", JsonNodes.ints(kernel));
        c.set("strides", JsonNodes.ints(strides));
        c.put("padding", padding.kerasName());
        return c;
    }

    /** Keras's closing entries of a convolution config, in its order. */
    static void convEnd(Layer l, ObjectNode c, ActivationFunction activation, boolean useBias, String kernel,
                        Initializer kernelInit, Initializer biasInit, Regularizer kernelReg, Regularizer biasReg) {
        c.put("activation", activation(l, activation));
        c.put("use_bias", useBias);
        c.set(kernel + "_initializer", initializer(kernelInit));
        c.set("bias_initializer", initializer(biasInit));
        c.set(kernel + "_regularizer", regularizer(kernelReg));
        c.set("bias_regularizer", regularizer(biasReg));
        c.putNull("activity_regularizer");
        c.putNull(kernel + "_constraint");
        c.putNull("bias_constraint");
    }

    /**
     * Keras's start of a depthwise or separable convolution config, in its key order; {@code filters} is
     * null for a depthwise one, which has none.
     */
    static ObjectNode depthwiseStart(Layer l, int depthMultiplier, Integer filters, List<Integer> kernel,
                                     List<Integer> strides, Padding padding, DataFormat format,
                                     List<Integer> dilationRate) {
        ObjectNode c = base(l);
        c.put("depth_multiplier", depthMultiplier);
        if (filters != null) {
            c.put("filters", filters);
        }
        c.set("kernel_size", JsonNodes.ints(kernel));
        c.set("strides", JsonNodes.ints(strides));
        c.put("padding", padding.kerasName());
        dataFormatDilated(c, format, JsonNodes.ints(dilationRate));
        return c;
    }

    /** Keras's closing entries of a separable convolution config, in its order. */
    static void separableEnd(Layer l, ObjectNode c, ActivationFunction activation, boolean useBias,
                             Initializer depthwiseInit, Initializer pointwiseInit, Initializer biasInit,
                             Regularizer depthwiseReg, Regularizer pointwiseReg, Regularizer biasReg) {
        c.put("activation", activation(l, activation));
        c.put("use_bias", useBias);
        c.set("depthwise_initializer", initializer(depthwiseInit));
        c.set("pointwise_initializer", initializer(pointwiseInit));
        c.set("bias_initializer", initializer(biasInit));
        c.set("depthwise_regularizer", regularizer(depthwiseReg));
        c.set("pointwise_regularizer", regularizer(pointwiseReg));
        c.set("bias_regularizer", regularizer(biasReg));
        c.putNull("activity_regularizer");
        c.putNull("depthwise_constraint");
        c.putNull("pointwise_constraint");
        c.putNull("bias_constraint");
    }

    /** Pool size and strides of a 1D pooling layer (Keras 1: pool_length, stride); strides default to the pool. */
    private static int[] pool1d(LayerArgs a) {
        int pool = a.intValue(2, "pool_size", "pool_length");
        int strides = a.intValue(pool, "strides", "stride");
        return new int[] {pool, strides};
    }

    @SuppressWarnings("unchecked")
    private static List<Integer>[] pool2d(LayerArgs a) {
        List<Integer> pool = a.tuple(2, List.of(2, 2), "pool_size");
        List<Integer> strides = a.tuple(2, pool, "strides");
        return new List[] {pool, strides};
    }

    private static ObjectNode pool(Layer l, List<Integer> pool, String padding, List<Integer> strides,
                                   DataFormat format) {
        ObjectNode c = base(l);
        c.set("pool_size", JsonNodes.ints(pool));
        c.put("padding", padding);
        c.set("strides", JsonNodes.ints(strides));
        c.put("data_format", format.kerasName());
        return c;
    }

    /** Keras's 2D border argument: n, (rows, cols) or ((top, bottom), (left, right)). */
    private static int[] borders(LayerArgs a, String key) {
        JsonNode v = a.get(key);
        if (v == null) {
            return key.equals("padding") ? new int[] {1, 1, 1, 1} : new int[] {0, 0, 0, 0};
        }
        if (v.isNumber()) {
            int n = v.asInt();
            return new int[] {n, n, n, n};
        }
        if (v.isArray() && v.size() == 2) {
            JsonNode h = v.get(0);
            JsonNode w = v.get(1);
            if (h.isNumber() && w.isNumber()) {
                return new int[] {h.asInt(), h.asInt(), w.asInt(), w.asInt()};
            }
            if (h.isArray() && w.isArray() && h.size() == 2 && w.size() == 2) {
                return new int[] {h.get(0).asInt(), h.get(1).asInt(), w.get(0).asInt(), w.get(1).asInt()};
            }
        }
        throw a.malformed(key, "an integer, two integers or two pairs", v);
    }

    private static ArrayNode pairs(int top, int bottom, int left, int right) {
        ArrayNode a = JsonNodes.array();
        a.add(JsonNodes.ints(top, bottom));
        a.add(JsonNodes.ints(left, right));
        return a;
    }
}
