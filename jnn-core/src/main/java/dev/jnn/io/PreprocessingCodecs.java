package dev.jnn.io;

import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.BroadcastValues;
import dev.jnn.layers.Rescaling;

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
    }
}
