package dev.jnn.io;

import static dev.jnn.io.ConvLayerCodecs.convEnd;
import static dev.jnn.io.ConvLayerCodecs.convStart;
import static dev.jnn.io.ConvLayerCodecs.dataFormatDilated;
import static dev.jnn.io.ConvLayerCodecs.depthwiseStart;
import static dev.jnn.io.ConvLayerCodecs.outputPadding;
import static dev.jnn.io.ConvLayerCodecs.separableEnd;
import static dev.jnn.io.LayerJson.decimal;
import static dev.jnn.io.LayerJson.seed;
import static dev.jnn.io.LayerRegistry.add;
import static dev.jnn.io.LayerRegistry.alias;
import static dev.jnn.io.MergeLayerCodecs.attentionBase;
import static dev.jnn.io.MergeLayerCodecs.causal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.AdditiveAttention;
import dev.jnn.layers.Conv1DTranspose;
import dev.jnn.layers.DepthwiseConv1D;
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
            ObjectNode c = depthwiseStart(l, k.depthMultiplier(), null, k.kernelSize(), k.strides(), k.padding(),
                    k.dataFormat(), k.dilationRate());
            convEnd(l, c, k.activation(), k.useBias(), "depthwise", k.depthwiseInitializer(), k.biasInitializer(),
                    k.depthwiseRegularizer(), k.biasRegularizer());
            return c;
        });
        add("SeparableConv1D", SeparableConv1D.class, true, Conv1DVariantCodecs::readSeparable, l -> {
            SeparableConv1D.Config k = l.config();
            ObjectNode c = depthwiseStart(l, k.depthMultiplier(), k.filters(), k.kernelSize(), k.strides(), k.padding(),
                    k.dataFormat(), k.dilationRate());
            separableEnd(l, c, k.activation(), k.useBias(), k.depthwiseInitializer(), k.pointwiseInitializer(),
                    k.biasInitializer(), k.depthwiseRegularizer(), k.pointwiseRegularizer(), k.biasRegularizer());
            return c;
        });
        add("Conv1DTranspose", Conv1DTranspose.class, true, Conv1DVariantCodecs::readTranspose, l -> {
            Conv1DTranspose.Config k = l.config();
            ObjectNode c = convStart(l, k.filters(), k.kernelSize(), k.strides(), k.padding());
            outputPadding(c, k.outputPadding());
            dataFormatDilated(c, k.dataFormat(), JsonNodes.ints(k.dilationRate()));
            convEnd(l, c, k.activation(), k.useBias(), "kernel", k.kernelInitializer(), k.biasInitializer(),
                    k.kernelRegularizer(), k.biasRegularizer());
            return c;
        });
        alias("Convolution1DTranspose", "Conv1DTranspose");
        alias("Convolution2DTranspose", "Conv2DTranspose");
        alias("SeparableConvolution1D", "SeparableConv1D");

        LayerRegistry.callArguments("AdditiveAttention", "use_causal_mask", "return_attention_scores");
        add("AdditiveAttention", AdditiveAttention.class, true, a -> new AdditiveAttention(
                new AdditiveAttention.Config(a.bool(true, "use_scale"), a.floatValue(0f, "dropout"), causal(a),
                        a.bool(false, "return_attention_scores"), a.seed())), l -> {
            AdditiveAttention.Config k = l.config();
            ObjectNode c = attentionBase(l, k.useCausalMask(), k.returnAttentionScores());
            c.put("use_scale", k.useScale());
            c.put("dropout", decimal(k.dropout()));
            seed(c, k.seed());
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
}
