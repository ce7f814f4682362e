package dev.jnn.cli.train;

import dev.jnn.models.Model;
import java.util.List;
import java.util.Map;

/**
 * What one training run produced.
 *
 * @param model   the trained model
 * @param epochs  the 0-based index of each trained epoch
 * @param history each log key's value per trained epoch ({@code loss}, {@code val_accuracy}, ...)
 * @param test    the held-out evaluation ({@code loss}, metrics), empty without test data
 * @param seconds wall time of fit
 */
public record TrainResult(Model model, List<Integer> epochs, Map<String, List<Double>> history,
                          Map<String, Double> test, double seconds) {
    public TrainResult {
        epochs = List.copyOf(epochs);
        history = Map.copyOf(history);
        test = Map.copyOf(test);
    }

    /** The last epoch's logs. */
    public Map<String, Double> last() {
        var out = new java.util.TreeMap<String, Double>();
        history.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v.get(v.size() - 1));
            }
        });
        return out;
    }
}
