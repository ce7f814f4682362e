package dev.jnn.io;

import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.BroadcastValues;
import dev.jnn.layers.Normalization;
import dev.jnn.layers.Rescaling;
import java.util.ArrayList;
import java.util.List;

/** Keras's numeric preprocessing layers: Rescaling and Normalization. */
final class PreprocessingCodecs {
    private PreprocessingCodecs() {
    }

    static void register() {
        add("Rescaling", Rescaling.class, true, a -> {
            BroadcastValues scale = BroadcastJson.read(a, "scale", null);
            if (scale == null) {
                throw a.malformed("scale", "a number or an array", null);
            }
            return new Rescaling(new Rescaling.Config(scale,
                    BroadcastJson.read(a, "offset", BroadcastValues.scalar(0))));
        }, l -> {
            ObjectNode c = base(l);
            c.set("scale", BroadcastJson.write(l.config().scale()));
            c.set("offset", BroadcastJson.write(l.config().offset()));
            return c;
        });
        add("Normalization", Normalization.class, true, PreprocessingCodecs::readNormalization, l -> {
            Normalization.Config k = l.config();
            ObjectNode c = base(l);
            c.set("axis", JsonNodes.ints(k.axis()));
            c.put("invert", k.invert());
            if (k.mean() == null) {
                c.putNull("mean");
                c.putNull("variance");
            } else {
                c.set("mean", BroadcastJson.write(k.mean()));
                c.set("variance", BroadcastJson.write(k.variance()));
            }
            return c;
        });
    }

    private static Normalization readNormalization(LayerArgs a) {
        // Keras's axis=None (an explicit null) keeps no axis; a missing axis is the default -1.
        JsonNode axis = a.raw().get("axis");
        a.ignore("axis");
        List<Integer> axes = new ArrayList<>();
        if (axis == null) {
            axes.add(-1);
        } else if (axis.isArray() || axis.isNumber()) {
            for (int v : a.ints("axis")) {
                axes.add(v);
            }
        } else if (!axis.isNull()) {
            throw a.malformed("axis", "an integer, a list of integers or null", axis);
        }
        BroadcastValues mean = BroadcastJson.read(a, "mean", null);
        BroadcastValues variance = BroadcastJson.read(a, "variance", null);
        try {
            return new Normalization(new Normalization.Config(axes, mean, variance, a.bool(false, "invert")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Keras Normalization layer \"" + a.name() + "\": " + e.getMessage(), e);
        }
    }
}
