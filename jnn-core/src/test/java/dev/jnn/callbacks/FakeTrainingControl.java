package dev.jnn.callbacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model stand-in whose weights are one float, settable by the test; its saves write the file name
 * into the file, so tests see which saves happened.
 */
final class FakeTrainingControl implements TrainingControl {
    float weight;
    boolean stop;
    float learningRate = 0.01f;
    final List<Float> restored = new ArrayList<>();
    final List<String> saves = new ArrayList<>();

    @Override
    public void setStopTraining(boolean stop) {
        this.stop = stop;
    }

    @Override
    public boolean stopTraining() {
        return stop;
    }

    @Override
    public List<float[]> getWeights() {
        return List.of(new float[] {weight});
    }

    @Override
    public void setWeights(List<float[]> weights) {
        restored.add(weights.getFirst()[0]);
        weight = weights.getFirst()[0];
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void save(Path file) throws IOException {
        saves.add("save " + file.getFileName());
        Files.writeString(file, "model");
    }

    @Override
    public void saveWeights(Path file) throws IOException {
        saves.add("saveWeights " + file.getFileName());
        Files.writeString(file, "weights");
    }
}
