package dev.jnn.models;

import dev.jnn.callbacks.Callback;
import dev.jnn.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@link Model#fit}, with Keras's defaults: epochs 1, batch size 32, verbose "auto"
 * (= 1), no validation, shuffle on, no class or sample weights, initial epoch 0.
 *
 * <pre>{@code
 * model.fit(x, y, FitOptions.builder().epochs(100).batchSize(16).validationSplit(0.2).verbose(2).build());
 * }</pre>
 *
 * @param epochs          index of the last epoch (exclusive), as Keras's {@code epochs}
 * @param batchSize       samples per gradient update
 * @param verbose         0 silent, 1 progress bar, 2 one line per epoch
 * @param callbacks       called during training, after History and the progress logger
 * @param validationSplit fraction of the data (taken from the end, before shuffling) held out
 * @param validationInputs  explicit validation inputs, one per model input (overrides the split), or null
 * @param validationTargets explicit validation targets, one per model output, or null
 * @param shuffle         whether to shuffle the training samples each epoch
 * @param classWeight     weight per class index, or null
 * @param sampleWeight    weight per training sample, or null
 * @param initialEpoch    epoch at which to start (for resuming)
 */
public record FitOptions(int epochs, int batchSize, int verbose, List<Callback> callbacks,
                         double validationSplit, List<Tensor> validationInputs, List<Tensor> validationTargets, boolean shuffle,
                         Map<Integer, Float> classWeight, float[] sampleWeight, int initialEpoch) {
    public FitOptions {
        if (epochs < 0) {
            throw new IllegalArgumentException("fit: epochs must be >= 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("fit: batch_size must be > 0, got " + batchSize);
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("fit: verbose must be 0, 1 or 2, got " + verbose);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("fit: validation_split must be in [0, 1), got " + validationSplit);
        }
        if ((validationInputs == null) != (validationTargets == null)) {
            throw new IllegalArgumentException("fit: validation_data needs both inputs and targets");
        }
        validationInputs = validationInputs == null ? null : List.copyOf(validationInputs);
        validationTargets = validationTargets == null ? null : List.copyOf(validationTargets);
        if (initialEpoch < 0) {
            throw new IllegalArgumentException("fit: initial_epoch must be >= 0, got " + initialEpoch);
        }
        if (classWeight != null && sampleWeight != null) {
            throw new IllegalArgumentException("fit: you cannot use class_weight and sample_weight at the same time");
        }
        callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
        classWeight = classWeight == null ? null : Map.copyOf(classWeight);
    }

    /** The validation inputs of a single-input model, or null. */
    public Tensor validationX() {
        return validationInputs == null ? null : validationInputs.get(0);
    }

    /** The validation targets of a single-output model, or null. */
    public Tensor validationY() {
        return validationTargets == null ? null : validationTargets.get(0);
    }

    /** Keras's defaults with the given number of epochs. */
    public static FitOptions epochs(int epochs) {
        return builder().epochs(epochs).build();
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FitOptions}; every setter is optional. */
    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 32;
        private int verbose = 1;
        private List<Callback> callbacks = List.of();
        private double validationSplit;
        private List<Tensor> validationInputs;
        private List<Tensor> validationTargets;
        private boolean shuffle = true;
        private Map<Integer, Float> classWeight;
        private float[] sampleWeight;
        private int initialEpoch;

        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder verbose(int value) {
            this.verbose = value;
            return this;
        }

        public Builder callbacks(Callback... value) {
            this.callbacks = List.of(value);
            return this;
        }

        public Builder callbacks(List<Callback> value) {
            this.callbacks = value;
            return this;
        }

        public Builder validationSplit(double value) {
            this.validationSplit = value;
            return this;
        }

        public Builder validationData(Tensor x, Tensor y) {
            this.validationInputs = x == null ? null : List.of(x);
            this.validationTargets = y == null ? null : List.of(y);
            return this;
        }

        /** Validation data of a model with several inputs or outputs, one tensor each, in order. */
        public Builder validationData(List<Tensor> inputs, List<Tensor> targets) {
            this.validationInputs = inputs;
            this.validationTargets = targets;
            return this;
        }

        public Builder validationData(float[][] x, float[][] y) {
            return validationData(Tensor.of(x), Tensor.of(y));
        }

        public Builder shuffle(boolean value) {
            this.shuffle = value;
            return this;
        }

        public Builder classWeight(Map<Integer, Float> value) {
            this.classWeight = value;
            return this;
        }

        public Builder sampleWeight(float[] value) {
            this.sampleWeight = value == null ? null : value.clone();
            return this;
        }

        public Builder initialEpoch(int value) {
            this.initialEpoch = value;
            return this;
        }

        public FitOptions build() {
            return new FitOptions(epochs, batchSize, verbose, callbacks, validationSplit, validationInputs,
                    validationTargets, shuffle, classWeight, sampleWeight, initialEpoch);
        }
    }
}
