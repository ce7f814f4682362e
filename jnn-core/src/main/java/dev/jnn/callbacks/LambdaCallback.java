package dev.jnn.callbacks;

import java.util.Map;

/**
 * A callback made of lambdas, one per hook of interest (Keras's {@code LambdaCallback}); hooks
 * left unset do nothing.
 *
 * <pre>{@code
 * var printer = LambdaCallback.builder()
 *         .onEpochEnd((epoch, logs) -> System.out.println(epoch + " " + logs.get("loss")))
 *         .onTrainEnd(logs -> System.out.println("done"))
 *         .build();
 * }</pre>
 */
public final class LambdaCallback implements Callback {
    /** A hook that receives the logs only ({@code onTrainBegin}, {@code onTestEnd}, ...). */
    @FunctionalInterface
    public interface LogsHook {
        void accept(Map<String, Double> logs);
    }

    /** A hook that receives an epoch or batch index and the logs. */
    @FunctionalInterface
    public interface IndexedHook {
        void accept(int index, Map<String, Double> logs);
    }

    private static final LogsHook NO_LOGS_HOOK = logs -> {
    };
    private static final IndexedHook NO_INDEXED_HOOK = (index, logs) -> {
    };

    private final LogsHook trainBegin;
    private final LogsHook trainEnd;
    private final IndexedHook epochBegin;
    private final IndexedHook epochEnd;
    private final IndexedHook trainBatchBegin;
    private final IndexedHook trainBatchEnd;
    private final LogsHook testBegin;
    private final LogsHook testEnd;
    private final IndexedHook testBatchBegin;
    private final IndexedHook testBatchEnd;
    private final LogsHook predictBegin;
    private final LogsHook predictEnd;
    private final IndexedHook predictBatchBegin;
    private final IndexedHook predictBatchEnd;

    private LambdaCallback(Builder builder) {
        trainBegin = builder.trainBegin;
        trainEnd = builder.trainEnd;
        epochBegin = builder.epochBegin;
        epochEnd = builder.epochEnd;
        trainBatchBegin = builder.trainBatchBegin;
        trainBatchEnd = builder.trainBatchEnd;
        testBegin = builder.testBegin;
        testEnd = builder.testEnd;
        testBatchBegin = builder.testBatchBegin;
        testBatchEnd = builder.testBatchEnd;
        predictBegin = builder.predictBegin;
        predictEnd = builder.predictEnd;
        predictBatchBegin = builder.predictBatchBegin;
        predictBatchEnd = builder.predictBatchEnd;
    }

    /** A builder whose hooks all do nothing. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        trainBegin.accept(logs);
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        trainEnd.accept(logs);
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        epochBegin.accept(epoch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochEnd.accept(epoch, logs);
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        trainBatchBegin.accept(batch, logs);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        trainBatchEnd.accept(batch, logs);
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        testBegin.accept(logs);
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        testEnd.accept(logs);
    }

    @Override
    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
        testBatchBegin.accept(batch, logs);
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        testBatchEnd.accept(batch, logs);
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        predictBegin.accept(logs);
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        predictEnd.accept(logs);
    }

    @Override
    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
        predictBatchBegin.accept(batch, logs);
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        predictBatchEnd.accept(batch, logs);
    }

    /** Sets one lambda per hook; setting a hook twice keeps the last lambda. */
    public static final class Builder {
        private LogsHook trainBegin = NO_LOGS_HOOK;
        private LogsHook trainEnd = NO_LOGS_HOOK;
        private IndexedHook epochBegin = NO_INDEXED_HOOK;
        private IndexedHook epochEnd = NO_INDEXED_HOOK;
        private IndexedHook trainBatchBegin = NO_INDEXED_HOOK;
        private IndexedHook trainBatchEnd = NO_INDEXED_HOOK;
        private LogsHook testBegin = NO_LOGS_HOOK;
        private LogsHook testEnd = NO_LOGS_HOOK;
        private IndexedHook testBatchBegin = NO_INDEXED_HOOK;
        private IndexedHook testBatchEnd = NO_INDEXED_HOOK;
        private LogsHook predictBegin = NO_LOGS_HOOK;
        private LogsHook predictEnd = NO_LOGS_HOOK;
        private IndexedHook predictBatchBegin = NO_INDEXED_HOOK;
        private IndexedHook predictBatchEnd = NO_INDEXED_HOOK;

        private Builder() {
        }

        /** Runs {@code hook} in {@link Callback#onTrainBegin}. */
        public Builder onTrainBegin(LogsHook hook) {
            trainBegin = required("onTrainBegin", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onTrainEnd}. */
        public Builder onTrainEnd(LogsHook hook) {
            trainEnd = required("onTrainEnd", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onEpochBegin}. */
        public Builder onEpochBegin(IndexedHook hook) {
            epochBegin = required("onEpochBegin", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onEpochEnd}. */
        public Builder onEpochEnd(IndexedHook hook) {
            epochEnd = required("onEpochEnd", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onTrainBatchBegin}. */
        public Builder onTrainBatchBegin(IndexedHook hook) {
            trainBatchBegin = required("onTrainBatchBegin", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onTrainBatchEnd}. */
        public Builder onTrainBatchEnd(IndexedHook hook) {
            trainBatchEnd = required("onTrainBatchEnd", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onTestBegin}. */
        public Builder onTestBegin(LogsHook hook) {
            testBegin = required("onTestBegin", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onTestEnd}. */
        public Builder onTestEnd(LogsHook hook) {
            testEnd = required("onTestEnd", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onTestBatchBegin}. */
        public Builder onTestBatchBegin(IndexedHook hook) {
            testBatchBegin = required("onTestBatchBegin", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onTestBatchEnd}. */
        public Builder onTestBatchEnd(IndexedHook hook) {
            testBatchEnd = required("onTestBatchEnd", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onPredictBegin}. */
        public Builder onPredictBegin(LogsHook hook) {
            predictBegin = required("onPredictBegin", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onPredictEnd}. */
        public Builder onPredictEnd(LogsHook hook) {
            predictEnd = required("onPredictEnd", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onPredictBatchBegin}. */
        public Builder onPredictBatchBegin(IndexedHook hook) {
            predictBatchBegin = required("onPredictBatchBegin", hook);
            return this;
        }

        /** Runs {@code hook} in {@link Callback#onPredictBatchEnd}. */
        public Builder onPredictBatchEnd(IndexedHook hook) {
            predictBatchEnd = required("onPredictBatchEnd", hook);
            return this;
        }

        /** The callback; unset hooks do nothing. */
        public LambdaCallback build() {
            return new LambdaCallback(this);
        }

        private static <T> T required(String name, T hook) {
            if (hook == null) {
                throw new IllegalArgumentException(name + " must be a lambda, got null");
            }
            return hook;
        }
    }
}
