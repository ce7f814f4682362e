package dev.jnn.io;

import static dev.jnn.io.LayerJson.activation;
import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerJson.decimal;
import static dev.jnn.io.LayerJson.initializer;
import static dev.jnn.io.LayerJson.regularizer;
import static dev.jnn.io.LayerRegistry.add;
import static dev.jnn.io.LayerRegistry.alias;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.AdditiveAttention;
import dev.jnn.layers.Conv1DTranspose;
import dev.jnn.layers.DepthwiseConv1D;
import dev.jnn.layers.Layer;
import dev.jnn.layers.Padding;
import dev.jnn.layers.SeparableConv1D;
import java.util.List;

/**
 * The 1-D convolution variants (DepthwiseConv1D, SeparableConv1D, Conv1DTranspose), Keras 3's
 * {@code Convolution...} aliases of the transposed and separable convolutions, and AdditiveAttention.
 */
final class Conv1DVariantCodecs {
    private Conv1DVariantCodecs() {
    }

    static void register() {
        add("DepthwiseConv1D", DepthwiseConv1D.class, true, Conv1DVariantCodecs::readDepthwise, l -> {
            DepthwiseConv1D.Config k = l.config();
            ObjectNode c = base(l);
            c.put("depth_multiplier", k.depthMultiplier());
            c.set("kernel_size", JsonNodes.ints(k.kernelSize()));
            c.set("strides", JsonNodes.ints(k.strides()));
            c.put("padding", k.padding().kerasName());
            c.put("data_format", k.dataFormat().kerasName());
            c.set("dilation_rate", JsonNodes.ints(k.dilationRate()));
            end(l, c, k.activation(), k.useBias(), "depthwise", k.depthwiseInitializer(), k.biasInitializer(),
                    k.depthwiseRegularizer(), k.biasRegularizer());
            return c;
        });
        add("SeparableConv1D", SeparableConv1D.class, true, Conv1DVariantCodecs::readSeparable, l -> {
            SeparableConv1D.Config k = l.config();
            ObjectNode c = base(l);
            c.put("depth_multiplier", k.depthMultiplier());
            c.put("filters", k.filters());
            c.set("kernel_size", JsonNodes.ints(k.kernelSize()));
            c.set("strides", JsonNodes.ints(k.strides()));
            c.put("padding", k.padding().kerasName());
            c.put("data_format", k.dataFormat().kerasName());
            c.set("dilation_rate", JsonNodes.ints(k.dilationRate()));
            c.put("activation", activation(l, k.activation()));
            c.put("use_bias", k.useBias());
            c.set("depthwise_initializer", initializer(k.depthwiseInitializer()));
            c.set("pointwise_initializer", initializer(k.pointwiseInitializer()));
            c.set("bias_initializer", initializer(k.biasInitializer()));
            c.set("depthwise_regularizer", regularizer(k.depthwiseRegularizer()));
            c.set("pointwise_regularizer", regularizer(k.pointwiseRegularizer()));
            c.set("bias_regularizer", regularizer(k.biasRegularizer()));
            c.putNull("activity_regularizer");
            c.putNull("depthwise_constraint");
            c.putNull("pointwise_constraint");
            c.putNull("bias_constraint");
            return c;
        });
        add("Conv1DTranspose", Conv1DTranspose.class, true, Conv1DVariantCodecs::readTranspose, l -> {
            Conv1DTranspose.Config k = l.config();
            ObjectNode c = base(l);
            c.put("filters", k.filters());
            c.set("kernel_size", JsonNodes.ints(k.kernelSize()));
            c.set("strides", JsonNodes.ints(k.strides()));
            c.put("padding", k.padding().kerasName());
            if (k.outputPadding() == null) {
                c.putNull("output_padding");
            } else {
                c.set("output_padding", JsonNodes.ints(k.outputPadding()));
            }
            c.put("data_format", k.dataFormat().kerasName());
            c.set("dilation_rate", JsonNodes.ints(k.dilationRate()));
            end(l, c, k.activation(), k.useBias(), "kernel", k.kernelInitializer(), k.biasInitializer(),
                    k.kernelRegularizer(), k.biasRegularizer());
            return c;
        });
        alias("Convolution1DTranspose", "Conv1DTranspose");
        alias("Convolution2DTranspose", "Conv2DTranspose");
        alias("SeparableConvolution1D", "SeparableConv1D");

        LayerRegistry.callArguments("AdditiveAttention", "use_causal_mask", "return_attention_scores");
        add("AdditiveAttention", AdditiveAttention.class, true, a -> {
            // Keras 2 had causal in the config; Keras 3 takes use_causal_mask at call time (see ModelReader).
            boolean causal = a.bool(false, "causal") || a.bool(false, "use_causal_mask");
            return new AdditiveAttention(new AdditiveAttention.Config(a.bool(true, "use_scale"),
                    a.floatValue(0f, "dropout"), causal, a.bool(false, "return_attention_scores"), a.seed()));
        }, l -> {
            AdditiveAttention.Config k = l.config();
            if (k.useCausalMask() || k.returnAttentionScores()) {
                throw new UnsupportedKerasFeatureException("AdditiveAttention", l.name(),
                        "writing use_causal_mask/return_attention_scores (Keras 3 takes them as call arguments)");
            }
            ObjectNode c = base(l);
            c.put("use_scale", k.useScale());
            c.put("dropout", decimal(k.dropout()));
            if (k.seed() == null) {
                c.putNull("seed");
            } else {
                c.put("seed", k.seed());
            }
            return c;
        });
    }

    private static Padding padding(LayerArgs a) {
        String p = a.string("valid", "padding", "border_mode");
        if (!p.equals("valid") && !p.equals("same")) {
            throw a.unsupported("padding=" + p);
        }
        return Padding.of(p);
    }

    private static void common(LayerArgs a, String kernel) {
        a.requireOneOf("groups", 1);
        a.requireNull(kernel + "_constraint", "bias_constraint", "activity_regularizer", "lora_rank");
        a.ignore("lora_alpha");
    }

    private static DepthwiseConv1D readDepthwise(LayerArgs a) {
        common(a, "depthwise");
        return new DepthwiseConv1D(new DepthwiseConv1D.Config(a.tuple(1, null, "kernel_size"),
                a.tuple(1, List.of(1), "strides"), padding(a), a.intValue(1, "depth_multiplier"),
                a.tuple(1, List.of(1), "dilation_rate"), a.activation("linear", "activation"), a.bool(true, "use_bias"),
                a.initializer("glorot_uniform", "depthwise_initializer"), a.initializer("zeros", "bias_initializer"),
                a.regularizer("depthwise_regularizer"), a.regularizer("bias_regularizer"), a.dataFormat()));
    }

    private static SeparableConv1D readSeparable(LayerArgs a) {
        common(a, "depthwise");
        a.requireNull("pointwise_constraint");
        return new SeparableConv1D(new SeparableConv1D.Config(a.intValue(0, "filters"), a.tuple(1, null, "kernel_size"),
                a.tuple(1, List.of(1), "strides"), padding(a), a.tuple(1, List.of(1), "dilation_rate"),
                a.intValue(1, "depth_multiplier"), a.activation("linear", "activation"), a.bool(true, "use_bias"),
                a.initializer("glorot_uniform", "depthwise_initializer"),
                a.initializer("glorot_uniform", "pointwise_initializer"), a.initializer("zeros", "bias_initializer"),
                a.regularizer("depthwise_regularizer"), a.regularizer("pointwise_regularizer"),
                a.regularizer("bias_regularizer"), a.dataFormat()));
    }

    private static Conv1DTranspose readTranspose(LayerArgs a) {
        common(a, "kernel");
        return new Conv1DTranspose(new Conv1DTranspose.Config(a.intValue(0, "filters"), a.tuple(1, null, "kernel_size"),
                a.tuple(1, List.of(1), "strides"), padding(a), a.tuple(1, null, "output_padding"),
                a.tuple(1, List.of(1), "dilation_rate"), a.activation("linear", "activation"), a.bool(true, "use_bias"),
                a.initializer("glorot_uniform", "kernel_initializer"), a.initializer("zeros", "bias_initializer"),
                a.regularizer("kernel_regularizer"), a.regularizer("bias_regularizer"), a.dataFormat()));
    }

    /** Keras's closing entries of a convolution config, in its order. */
    private static void end(Layer l, ObjectNode c, dev.jnn.activations.ActivationFunction activation, boolean useBias,
                            String kernel, dev.jnn.initializers.Initializer kernelInit,
                            dev.jnn.initializers.Initializer biasInit, dev.jnn.regularizers.Regularizer kernelReg,
                            dev.jnn.regularizers.Regularizer biasReg) {
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
}
