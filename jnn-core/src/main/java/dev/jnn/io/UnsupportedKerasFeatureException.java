package dev.jnn.io;

/**
 * A Keras model uses something jnn does not implement: a layer class, or an argument value of a known
 * layer (a constraint, {@code data_format="channels_first"}, a frozen layer, ...). jnn refuses such a
 * model rather than load an approximation of it.
 *
 * <p>The message names the Keras class and the layer; readers of files add the file and the Keras
 * version with {@link #withSource}.
 */
public class UnsupportedKerasFeatureException extends IllegalArgumentException {
    private final String kerasClass;
    private final String layerName;
    private final String detail;

    /**
     * @param kerasClass the Keras {@code class_name} (or registered name) concerned
     * @param layerName  the layer's name, or null when not known
     * @param detail     what is unsupported, e.g. {@code "kernel_constraint=MaxNorm"}; null for the class itself
     */
    public UnsupportedKerasFeatureException(String kerasClass, String layerName, String detail) {
        this(kerasClass, layerName, detail, message(kerasClass, layerName, detail));
    }

    private UnsupportedKerasFeatureException(String kerasClass, String layerName, String detail, String message) {
        super(message);
        this.kerasClass = kerasClass;
        this.layerName = layerName;
        this.detail = detail;
    }

    private static String message(String kerasClass, String layerName, String detail) {
        String where = "Keras " + kerasClass + (layerName == null ? "" : " layer \"" + layerName + "\"");
        return detail == null
                ? where + ": the class " + kerasClass + " is not supported by jnn"
                : where + ": " + detail + " is not supported by jnn";
    }

    /** The same error, its message prefixed with the file and the Keras version that wrote it. */
    public UnsupportedKerasFeatureException withSource(String file, String kerasVersion) {
        String prefix = file + (kerasVersion == null ? "" : " (Keras " + kerasVersion + ")") + ": ";
        var e = new UnsupportedKerasFeatureException(kerasClass, layerName, detail, prefix + getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The Keras class name concerned. */
    public String kerasClass() {
        return kerasClass;
    }

    /** The layer's name, or null. */
    public String layerName() {
        return layerName;
    }

    /** What is unsupported, or null when the class itself is. */
    public String detail() {
        return detail;
    }
}
