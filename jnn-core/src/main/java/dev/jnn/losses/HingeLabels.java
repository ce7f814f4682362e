package dev.jnn.losses;

/**
 * Keras's {@code convert_binary_labels_to_hinge}: when every label of the batch is 0 or 1, they are
 * read as -1/1 ({@code 2t - 1}); any other label set is used unchanged.
 */
final class HingeLabels {
    private HingeLabels() {
    }

    /** The labels the hinge losses use: a converted copy for 0/1 labels, else {@code labels} itself. */
    static float[] signed(float[] labels) {
        for (float t : labels) {
            if (t != 0f && t != 1f) {
                return labels;
            }
        }
        float[] signed = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            signed[i] = 2f * labels[i] - 1f;
        }
        return signed;
    }
}
