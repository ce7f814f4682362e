package dev.jnn.io;

import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.CenterCrop;
import dev.jnn.layers.DataFormat;
import dev.jnn.layers.Layer;
import dev.jnn.layers.RandomBrightness;
import dev.jnn.layers.RandomContrast;
import dev.jnn.layers.RandomCrop;
import dev.jnn.layers.RandomFlip;
import dev.jnn.layers.RandomRotation;
import dev.jnn.layers.RandomTranslation;
import dev.jnn.layers.RandomZoom;
import dev.jnn.layers.Resizing;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's image preprocessing and augmentation layers. Keras 3 writes {@code data_format} right after
 * the base entries of every one of them; Keras 2 (tf.keras) wrote none (channels_last).
 */
final class ImagePreprocessingCodecs {
    private ImagePreprocessingCodecs() {
    }

    static void register() {
        add("RandomFlip", RandomFlip.class, true, a -> new RandomFlip(new RandomFlip.Config(
                a.string("horizontal_and_vertical", "mode"), a.seed(), format(a))), l -> {
                    ObjectNode c = start(l, l.config().dataFormat());
                    LayerJson.seed(c, l.config().seed());
                    c.put("mode", l.config().mode());
                    return c;
                });
        add("RandomRotation", RandomRotation.class, true, a -> {
            double[] range = range(a, "factor", -1, 1);
            return new RandomRotation(new RandomRotation.Config(range[0], range[1], a.string("reflect", "fill_mode"),
                    a.string("bilinear", "interpolation"), number(a, "fill_value", 0), a.seed(), format(a)));
        }, l -> {
            RandomRotation.Config k = l.config();
            ObjectNode c = start(l, k.dataFormat());
            c.set("factor", pair(k.lower(), k.upper()));
            c.put("fill_mode", k.fillMode());
            c.put("fill_value", k.fillValue());
            c.put("interpolation", k.interpolation());
            LayerJson.seed(c, k.seed());
            return c;
        });
        add("RandomZoom", RandomZoom.class, true, a -> {
            DataFormat f = format(a);
            return new RandomZoom(new RandomZoom.Config(numbers(a, "height_factor", true), numbers(a, "width_factor",
                    false), a.string("reflect", "fill_mode"), a.string("bilinear", "interpolation"),
                    number(a, "fill_value", 0), a.seed(), f));
        }, l -> {
            RandomZoom.Config k = l.config();
            ObjectNode c = start(l, k.dataFormat());
            c.set("height_factor", given(k.heightFactor()));
            c.set("width_factor", given(k.widthFactor()));
            affineEnd(c, k.fillMode(), k.interpolation(), k.seed(), k.fillValue());
            return c;
        });
        add("RandomTranslation", RandomTranslation.class, true, a -> {
            DataFormat f = format(a);
            return new RandomTranslation(new RandomTranslation.Config(numbers(a, "height_factor", true),
                    numbers(a, "width_factor", true), a.string("reflect", "fill_mode"),
                    a.string("bilinear", "interpolation"), number(a, "fill_value", 0), a.seed(), f));
        }, l -> {
            RandomTranslation.Config k = l.config();
            ObjectNode c = start(l, k.dataFormat());
            c.set("height_factor", given(k.heightFactor()));
            c.set("width_factor", given(k.widthFactor()));
            affineEnd(c, k.fillMode(), k.interpolation(), k.seed(), k.fillValue());
            return c;
        });
        add("RandomContrast", RandomContrast.class, true, a -> {
            List<Double> factor = numbers(a, "factor", true);
            double[] range;
            if (factor.size() == 1 && KerasGeneration.current() < 3) {
                // Keras 2 drew the factor from [1 - f, 1 + f]; Keras 3 reads a single f as (0, f).
                range = new double[] {Math.abs(factor.get(0)), Math.abs(factor.get(0))};
            } else {
                range = range(a, factor, 0, 1);
            }
            double[] values = valueRange(a);
            return new RandomContrast(new RandomContrast.Config(range[0], range[1], values[0], values[1], a.seed(),
                    format(a)));
        }, l -> {
            RandomContrast.Config k = l.config();
            return colorEnd(start(l, k.dataFormat()), k.lower(), k.upper(), k.valueLow(), k.valueHigh(), k.seed());
        });
        add("RandomBrightness", RandomBrightness.class, true, a -> {
            double[] range = range(a, "factor", -1, 1);
            double[] values = valueRange(a);
            return new RandomBrightness(new RandomBrightness.Config(range[0], range[1], values[0], values[1],
                    a.seed(), format(a)));
        }, l -> {
            RandomBrightness.Config k = l.config();
            return colorEnd(start(l, k.dataFormat()), k.lower(), k.upper(), k.valueLow(), k.valueHigh(), k.seed());
        });
        add("RandomCrop", RandomCrop.class, true, a -> new RandomCrop(new RandomCrop.Config(a.intValue(0, "height"),
                a.intValue(0, "width"), a.seed(), format(a))), l -> {
                    ObjectNode c = start(l, l.config().dataFormat());
                    c.put("height", l.config().height());
                    c.put("width", l.config().width());
                    LayerJson.seed(c, l.config().seed());
                    return c;
                });
        add("CenterCrop", CenterCrop.class, true, a -> new CenterCrop(new CenterCrop.Config(a.intValue(0, "height"),
                a.intValue(0, "width"), format(a))), l -> {
                    ObjectNode c = start(l, l.config().dataFormat());
                    c.put("height", l.config().height());
                    c.put("width", l.config().width());
                    return c;
                });
        add("Resizing", Resizing.class, true, ImagePreprocessingCodecs::readResizing, l -> {
            Resizing.Config k = l.config();
            ObjectNode c = start(l, k.dataFormat());
            c.put("height", k.height());
            c.put("width", k.width());
            c.put("interpolation", k.interpolation());
            c.put("crop_to_aspect_ratio", k.cropToAspectRatio());
            c.put("pad_to_aspect_ratio", k.padToAspectRatio());
            c.put("fill_mode", "constant");
            c.put("fill_value", k.fillValue());
            c.put("antialias", false);
            return c;
        });
    }

    private static Resizing readResizing(LayerArgs a) {
        String interpolation = a.string("bilinear", "interpolation");
        if (!interpolation.equals("bilinear") && !interpolation.equals("nearest")) {
            throw a.unsupported("interpolation=\"" + interpolation + "\" (jnn resizes bilinear or nearest)");
        }
        a.requireOneOf("fill_mode", "constant");
        a.requireOneOf("antialias", false);
        return new Resizing(new Resizing.Config(a.intValue(0, "height"), a.intValue(0, "width"), interpolation,
                a.bool(false, "crop_to_aspect_ratio"), a.bool(false, "pad_to_aspect_ratio"),
                number(a, "fill_value", 0), format(a)));
    }

    /** Keras's base entries, then {@code data_format}. */
    private static ObjectNode start(Layer l, DataFormat format) {
        ObjectNode c = base(l);
        c.put("data_format", format.kerasName());
        return c;
    }

    private static DataFormat format(LayerArgs a) {
        a.ignore("bounding_box_format");
        String format = a.string("channels_last", "data_format");
        try {
            return DataFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw a.unsupported("data_format=" + format);
        }
    }

    private static void affineEnd(ObjectNode c, String fillMode, String interpolation, Long seed, double fillValue) {
        c.put("fill_mode", fillMode);
        c.put("interpolation", interpolation);
        LayerJson.seed(c, seed);
        c.put("fill_value", fillValue);
    }

    private static ObjectNode colorEnd(ObjectNode c, double lower, double upper, double low, double high, Long seed) {
        c.set("factor", pair(lower, upper));
        c.set("value_range", pair(low, high));
        LayerJson.seed(c, seed);
        return c;
    }

    private static ArrayNode pair(double a, double b) {
        ArrayNode n = JsonNodes.array();
        n.add(a);
        n.add(b);
        return n;
    }

    /** A factor as the user gave it: a number or a list of two. */
    private static JsonNode given(List<Double> values) {
        if (values == null) {
            return JsonNodes.FACTORY.nullNode();
        }
        if (values.size() == 1) {
            return JsonNodes.FACTORY.numberNode(values.get(0));
        }
        return pair(values.get(0), values.get(1));
    }

    /** A number or a list of one or two numbers; null when absent and not {@code required}. */
    private static List<Double> numbers(LayerArgs a, String key, boolean required) {
        JsonNode v = a.get(key);
        if (v == null) {
            if (required) {
                throw a.malformed(key, "a number or two numbers", null);
            }
            return null;
        }
        List<Double> out = new ArrayList<>();
        if (v.isNumber()) {
            out.add(v.asDouble());
        } else if (v.isArray() && (v.size() == 1 || v.size() == 2)) {
            for (JsonNode e : v) {
                if (!e.isNumber()) {
                    throw a.malformed(key, "a number or two numbers", v);
                }
                out.add(e.asDouble());
            }
        } else {
            throw a.malformed(key, "a number or two numbers", v);
        }
        return out;
    }

    /** Keras's base {@code _set_factor} reading of the factor: a number f gives (max(-|f|, min), |f|). */
    private static double[] range(LayerArgs a, String key, double min, double max) {
        return range(a, numbers(a, key, true), min, max);
    }

    private static double[] range(LayerArgs a, List<Double> factor, double min, double max) {
        if (factor.size() == 1) {
            double f = factor.get(0);
            if (!(f >= min && f <= max)) {
                throw a.malformed("factor", "a number in [" + min + ", " + max + "]", JsonNodes.FACTORY.numberNode(f));
            }
            return new double[] {Math.max(-Math.abs(f), min), Math.abs(f)};
        }
        return new double[] {Math.min(factor.get(0), factor.get(1)), Math.max(factor.get(0), factor.get(1))};
    }

    /** A number kept as the double Keras wrote, so it is written back unchanged. */
    private static double number(LayerArgs a, String key, double defaultValue) {
        JsonNode v = a.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isNumber()) {
            throw a.malformed(key, "a number", v);
        }
        return v.asDouble();
    }

    private static double[] valueRange(LayerArgs a) {
        JsonNode v = a.get("value_range");
        if (v == null) {
            return new double[] {0, 255};
        }
        if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
            throw a.malformed("value_range", "two numbers", v);
        }
        return new double[] {v.get(0).asDouble(), v.get(1).asDouble()};
    }
}
