package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.layers.BroadcastValues;
import dev.jnn.layers.Conv2DTranspose;
import dev.jnn.layers.DataFormat;
import dev.jnn.layers.Layer;
import dev.jnn.layers.Normalization;
import dev.jnn.layers.RandomContrast;
import dev.jnn.layers.RandomRotation;
import dev.jnn.layers.RandomZoom;
import dev.jnn.layers.Rescaling;
import dev.jnn.layers.Resizing;
import dev.jnn.layers.UpSampling1D;
import dev.jnn.models.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forms of the new layers' configs that other Keras generations write (tf.keras 2's flat configs,
 * Keras 1's argument names, Keras 3's aliases), and the arguments jnn refuses by name rather than
 * approximating.
 */
class Layers5KerasFormsTest {
    /** A tf.keras 2.x Sequential config (no module keys, dtype strings, batch_input_shape) around one layer. */
    private static Model keras2(String inputShape, String layerClass, String config) {
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, " + inputShape + "],"
                + " \"dtype\": \"float32\", \"sparse\": false, \"ragged\": false, \"name\": \"input_1\"}},"
                + "{\"class_name\": \"" + layerClass + "\", \"config\": {\"name\": \"l\", \"trainable\": true,"
                + " \"dtype\": \"float32\"" + (config.isEmpty() ? "" : ", " + config) + "}}]},"
                + " \"keras_version\": \"2.11.0\", \"backend\": \"tensorflow\"}";
        return KerasConfig.modelFromJson(json);
    }

    private static Layer only(Model m) {
        return m.layers().get(0);
    }

    @Test
    void tfKeras2Configs() {
        Rescaling r = (Rescaling) only(keras2("4", "Rescaling", "\"scale\": 0.00392156862745098, \"offset\": 0.0"));
        assertEquals(BroadcastValues.scalar(0.00392156862745098), r.config().scale());
        Normalization n = (Normalization) only(keras2("3", "Normalization",
                "\"axis\": [-1], \"mean\": null, \"variance\": null, \"invert\": false"));
        assertEquals(7, n.countParams());
        // Keras 2 drew the contrast factor from [1 - f, 1 + f]; Keras 3 reads a single f as (0, f).
        RandomContrast c2 = (RandomContrast) only(keras2("5, 5, 3", "RandomContrast", "\"factor\": 0.2, \"seed\": null"));
        assertEquals(0.2, c2.config().lower());
        assertEquals(0.2, c2.config().upper());
        RandomRotation rot = (RandomRotation) only(keras2("5, 5, 3", "RandomRotation", "\"factor\": 0.1,"
                + " \"fill_mode\": \"constant\", \"fill_value\": 0.5, \"interpolation\": \"nearest\", \"seed\": 3"));
        assertEquals(new RandomRotation.Config(-0.1, 0.1, "constant", "nearest", 0.5, 3L, DataFormat.CHANNELS_LAST),
                rot.config());
        RandomZoom zoom = (RandomZoom) only(keras2("5, 5, 3", "RandomZoom", "\"height_factor\": [-0.2, 0.1],"
                + " \"width_factor\": null, \"fill_mode\": \"reflect\", \"interpolation\": \"bilinear\","
                + " \"seed\": null, \"fill_value\": 0.0"));
        assertEquals(List.of(-0.2, 0.1), zoom.config().heightFactor());
        assertNull(zoom.config().widthFactor());
        Resizing resize = (Resizing) only(keras2("5, 7, 3", "Resizing", "\"height\": 4, \"width\": 4,"
                + " \"interpolation\": \"nearest\", \"crop_to_aspect_ratio\": true"));
        assertTrue(resize.config().cropToAspectRatio());
        // Keras 1 named UpSampling1D's size "length"
        assertEquals(3, ((UpSampling1D) only(keras2("4, 2", "UpSampling1D", "\"length\": 3"))).config().size());
    }

    @Test
    void keras3AliasesAndNumpyArrays() {
        Model m = keras2("3, 3, 2", "Convolution2DTranspose", "\"filters\": 2, \"kernel_size\": [3, 3],"
                + " \"strides\": [1, 1], \"padding\": \"valid\", \"activation\": \"linear\", \"use_bias\": true");
        assertInstanceOf(Conv2DTranspose.class, only(m));
        Rescaling r = (Rescaling) only(keras2("2, 3", "Rescaling", "\"scale\": {\"class_name\": \"__numpy__\","
                + " \"config\": {\"value\": [[1.0, 2.0, 3.0]], \"dtype\": \"float32\"}}, \"offset\": 0.5"));
        assertEquals(new BroadcastValues(List.of(1, 3), List.of(1.0, 2.0, 3.0)), r.config().scale());
    }

    @Test
    void refusalsNameTheClassAndTheLayer() {
        for (String[] c : new String[][] {
                {"5, 7, 3", "Resizing", "\"height\": 4, \"width\": 4, \"interpolation\": \"bicubic\"", "bicubic"},
                {"5, 7, 3", "Resizing", "\"height\": 4, \"width\": 4, \"antialias\": true", "antialias"},
                {"5, 7, 3", "Resizing", "\"height\": 4, \"width\": 4, \"fill_mode\": \"reflect\"", "fill_mode"},
                {"4", "AlphaDropout", "\"rate\": 0.1, \"noise_shape\": [null, 1]", "noise_shape"},
                {"4, 3", "GroupNormalization", "\"groups\": 3, \"gamma_constraint\": {\"class_name\": \"NonNeg\"}",
                        "gamma_constraint"},
                {"5, 5, 3", "RandomFlip", "\"mode\": \"horizontal\", \"data_format\": \"channels_middle\"",
                        "data_format"}}) {
            var e = assertThrows(UnsupportedKerasFeatureException.class, () -> keras2(c[0], c[1], c[2]), c[2]);
            assertEquals(c[1], e.kerasClass());
            assertEquals("l", e.layerName());
            assertTrue(e.getMessage().contains(c[3]), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> keras2("4", "Rescaling", "\"scale\": \"big\""));
        assertTrue(e.getMessage().contains("Rescaling") && e.getMessage().contains("\"l\"")
                && e.getMessage().contains("scale"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> keras2("4", "Normalization",
                "\"axis\": -1, \"mean\": [1, 2], \"variance\": null"));
        assertTrue(e.getMessage().contains("Normalization") && e.getMessage().contains("both"), e.getMessage());
    }
}
