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
            Map.entry("hls4ml_mlp_streaming_h5_named_keras", "without a loss"));
}
