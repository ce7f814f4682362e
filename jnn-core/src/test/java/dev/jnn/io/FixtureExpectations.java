package dev.jnn.io;

import java.util.Map;

/**
 * What each real fixture's config gives in jnn: refused (with what the error must name) or read. The
 * refusals for missing layer classes go away as those layers land in jnn.
 */
final class FixtureExpectations {
    private FixtureExpectations() {
    }

    /** Fixtures whose model config is refused, and a word the message must contain. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("dl4j_attention_concat_keras211", "input shapes"),
            Map.entry("dl4j_conv1d_k3_s1_d2_cf_same", "channels_first"),
            Map.entry("dl4j_simpleconv2d_seq", "channels_first"),
            Map.entry("keras3_nested_container_subclassed", "NestedDenseModel"));

    /** Fixtures read but not writable in Keras 3's form (Keras 2's hard_sigmoid has no Keras 3 name). */
    static final Map<String, String> WRITE_REFUSED = Map.ofEntries(
            Map.entry("dl4j_bidirectional_lstm_tf_keras2", "hard_sigmoid_keras2"),
            Map.entry("dl4j_embedding_lstm_tf_keras2", "hard_sigmoid_keras2"),
            Map.entry("dl4j_functional_lstm_tf_keras2", "hard_sigmoid_keras2"),
            Map.entry("dl4j_simple_flatten_lstm_tf_keras2", "hard_sigmoid_keras2"),
            Map.entry("dl4j_simple_lstm_th_keras1", "hard_sigmoid_keras2"));

    /** Fixtures whose training config is refused, and a word the message must contain. */
    static final Map<String, String> COMPILE_REFUSED = Map.ofEntries(
            Map.entry("dl4j_act_elu_0", "decay"),
            Map.entry("dl4j_act_relu_0", "decay"),
            Map.entry("dl4j_act_relu_2_maxval_threshold", "decay"),
            Map.entry("dl4j_act_softmax_0", "decay"),
            Map.entry("dl4j_causal_conv1d_k3_s1_d2_cl", "decay"),
            Map.entry("dl4j_conv1d_k2_s1_d1_cl_valid", "decay"),
            Map.entry("dl4j_conv1d_k3_s1_d2_cf_same", "decay"),
            Map.entry("dl4j_sparse_xent_mlp_keras2", "decay"),
            Map.entry("hls4ml_mlp_streaming_h5_named_keras", "without a loss"));
}
