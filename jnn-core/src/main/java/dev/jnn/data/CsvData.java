package dev.jnn.data;

import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * What {@link Csv#read} returns: features {@code [rows, columns]}, labels {@code [rows]} (null
 * when no label column was chosen), the feature column names (from the header, else
 * {@code "0", "1", ...} by original column index) and, for {@link CsvOptions.Labels#CLASS_NAMES},
 * the class names in index order (empty otherwise).
 *
 * @param features the feature cells, row-major
 * @param labels the label column, or null
 * @param columns the feature columns' names
 * @param classes class name of each label index, for string labels
 */
public record CsvData(Tensor features, Tensor labels, List<String> columns, List<String> classes) {
    /** Copies the lists. */
    public CsvData {
        columns = List.copyOf(columns);
        classes = List.copyOf(classes);
    }

    /** Features and labels as a {@link Dataset}. */
    public Dataset toDataset() {
        if (labels == null) {
            throw new IllegalArgumentException("csv: no label column was chosen, so there is no dataset y");
        }
        return new Dataset(features, labels);
    }
}
