package dev.jnn.callbacks;

import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.GaussianNoise;
import dev.jnn.layers.Input;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded training run for {@link BackupAndRestoreKillTest}, started in a JVM of its own:
 * {@code BackupTrainingMain MODEL BACKUP_DIR|- WEIGHTS_OUT EPOCHS [BLOCK_AFTER_EPOCH]}.
 *
 * <p>It trains a small MLP ({@code MODEL} {@value #PLAIN}), or the same MLP with GaussianNoise on its
 * input and two Dropouts, one seeded from the global stream and one with its own seed ({@value #NOISY}),
 * with Adam and shuffling, with BackupAndRestore in {@code BACKUP_DIR} (none for {@code -}), prints {@code "start epoch N"} when its first epoch begins and {@code "epoch N done"} after
 * each epoch's backup, blocks forever after {@code BLOCK_AFTER_EPOCH} (so the test can kill it at a known
 * point), and at the end writes every weight's float bits to {@code WEIGHTS_OUT} and prints
 * {@code "finished"}.
 */
public final class BackupTrainingMain {
    static final int SAMPLES = 2048;
    static final int FEATURES = 8;
    static final String PLAIN = "plain";
    static final String NOISY = "noisy";

    private BackupTrainingMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String kind = args[0];
        Path backupDir = args[1].equals("-") ? null : Path.of(args[1]);
        Path weightsOut = Path.of(args[2]);
        int epochs = Integer.parseInt(args[3]);
        int blockAfter = args.length > 4 ? Integer.parseInt(args[4]) : -1;

        SeedGenerator.setGlobalSeed(42);
        var data = new SplittableRandom(7);
        float[][] x = new float[SAMPLES][FEATURES];
        float[][] y = new float[SAMPLES][1];
        for (int i = 0; i < SAMPLES; i++) {
            double target = 0;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = (float) data.nextDouble(-1, 1);
                target += Math.sin(3 * x[i][j]) * (j + 1);
            }
            y[i][0] = (float) (target / FEATURES);
        }
        var model = new Sequential();
        model.add(Input.shape(FEATURES));
        switch (kind) {
            case PLAIN -> {
                model.add(new Dense(32, "relu"));
                model.add(new Dense(16, "tanh"));
            }
            case NOISY -> {
                model.add(new GaussianNoise(0.1f));
                model.add(new Dense(32, "relu"));
                model.add(new Dropout(0.3f));
                model.add(new Dense(16, "tanh"));
                model.add(new Dropout(0.2f, 11L));
            }
            default -> throw new IllegalArgumentException("MODEL must be " + PLAIN + " or " + NOISY + ", got " + kind);
        }
        model.add(new Dense(1));
        model.compile("mse", "adam");

        var reporter = new Callback() {
            private boolean started;

            @Override
            public void onEpochBegin(int epoch, Map<String, Double> logs) {
                if (!started) {
                    started = true;
                    System.out.println("start epoch " + epoch);
                }
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                System.out.println("epoch " + epoch + " done");
                if (epoch == blockAfter) {
                    try {
                        new java.util.concurrent.CountDownLatch(1).await();   // until killed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        List<Callback> callbacks = new ArrayList<>();
        if (backupDir != null) {
            callbacks.add(new BackupAndRestore(backupDir));   // before the reporter: its backup is written first
        }
        callbacks.add(reporter);
        model.fit(x, y, FitOptions.builder().epochs(epochs).batchSize(32).verbose(0).callbacks(callbacks).build());

        try (var out = new DataOutputStream(Files.newOutputStream(weightsOut))) {
            for (float[] weight : model.getWeights()) {
                out.writeInt(weight.length);
                for (float value : weight) {
                    out.writeInt(Float.floatToRawIntBits(value));
                }
            }
        }
        System.out.println("finished");
    }
}
