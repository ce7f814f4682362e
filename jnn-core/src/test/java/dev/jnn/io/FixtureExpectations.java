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
            Map.entry("dl4j_bidirectional_lstm_tf_keras2", "Bidirectional"),
            Map.entry("dl4j_conv1d_k3_s1_d2_cf_same", "channels_first"),
            Map.entry("dl4j_embedding_lstm_tf_keras2", "LSTM"),
            Map.entry("dl4j_functional_lstm_tf_keras2", "LSTM"),
            Map.entry("dl4j_simple_flatten_lstm_tf_keras2", "LSTM"),
            Map.entry("dl4j_simple_lstm_th_keras1", "LSTM"),
            Map.entry("dl4j_simple_rnn_tf_keras2", "SimpleRNN"),
            Map.entry("dl4j_simpleconv2d_seq", "channels_first"),
            Map.entry("hls4ml_gru_model", "GRU"),
            Map.entry("keras3_masking_lstm", "LSTM"),
            Map.entry("keras3_nested_container_subclassed", "NestedDenseModel"));

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
