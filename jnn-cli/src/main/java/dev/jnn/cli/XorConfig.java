package dev.jnn.cli;

import java.util.List;

/**
 * One row of the XOR study: a 2-H-1 network whose hidden activation, loss, optimizer and epoch
 * budget are the factors under comparison.
 *
 * @param name       row name in reports ("before", "after", "after/tanh", ...)
 * @param hidden     hidden units
 * @param activation hidden activation (Keras name)
 * @param loss       loss (Keras name)
 * @param optimizer  optimizer (Keras name, default arguments)
 * @param epochs     training epochs of one run
 */
record XorConfig(String name, int hidden, String activation, String loss, String optimizer, int epochs) {

    /** The study's first network: 2-2-1, all sigmoid, mse, plain SGD, 10,000 epochs. */
    static final XorConfig BEFORE = new XorConfig("before", 2, "sigmoid", "mse", "sgd", 10_000);

    /** The study's second network: 2-8-1, ReLU then sigmoid, mse, Adam, 1,000 epochs. */
    static final XorConfig AFTER = new XorConfig("after", 8, "relu", "mse", "adam", 1_000);

    /** "before", "after", then rows that change one factor of "after" at a time. */
    static List<XorConfig> study() {
        return List.of(
                BEFORE,
                AFTER,
                AFTER.with("after/activation=tanh", 8, "tanh", "mse", "adam"),
                AFTER.with("after/activation=sigmoid", 8, "sigmoid", "mse", "adam"),
                AFTER.with("after/loss=binary_crossentropy", 8, "relu", "binary_crossentropy", "adam"),
                AFTER.with("after/optimizer=sgd", 8, "relu", "mse", "sgd"),
                AFTER.with("after/optimizer=rmsprop", 8, "relu", "mse", "rmsprop"),
                AFTER.with("after/units=2", 2, "relu", "mse", "adam"),
                AFTER.with("after/units=4", 4, "relu", "mse", "adam"),
                AFTER.with("after/units=16", 16, "relu", "mse", "adam"));
    }

    private XorConfig with(String newName, int units, String act, String lossName, String opt) {
        return new XorConfig(newName, units, act, lossName, opt, epochs);
    }

    /** Layer sizes, input to output. */
    List<Integer> layers() {
        return List.of(2, hidden, 1);
    }
}
