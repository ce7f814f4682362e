package dev.jnn.io;

import static dev.jnn.io.LayerJson.base;
import static dev.jnn.io.LayerJson.decimal;
import static dev.jnn.io.LayerJson.initializer;
import static dev.jnn.io.LayerJson.regularizer;
import static dev.jnn.io.LayerRegistry.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.ActivityRegularization;
import dev.jnn.layers.AlphaDropout;
import dev.jnn.layers.Cropping1D;
import dev.jnn.layers.GaussianDropout;
import dev.jnn.layers.GroupNormalization;
import dev.jnn.layers.Identity;
import dev.jnn.layers.UnitNormalization;
import dev.jnn.layers.UpSampling1D;
import dev.jnn.layers.ZeroPadding1D;
import java.util.ArrayList;
import java.util.List;

/** The 1-D shape layers, Identity, the noise layers, ActivityRegularization, Unit- and GroupNormalization. */
final class Layers1DCodecs {
    private Layers1DCodecs() {
    }

    static void register() {
        add("ZeroPadding1D", ZeroPadding1D.class, true, a -> {
            int[] p = pair(a, "padding", 1);
            return new ZeroPadding1D(new ZeroPadding1D.Config(p[0], p[1], a.dataFormat()));
        }, l -> {
            ObjectNode c = base(l);
            c.set("padding", JsonNodes.ints(l.config().before(), l.config().after()));
            c.put("data_format", l.config().dataFormat().kerasName());
            return c;
        });
        add("Cropping1D", Cropping1D.class, true, a -> {
            int[] p = pair(a, "cropping", 1);
            return new Cropping1D(p[0], p[1]);
        }, l -> {
            ObjectNode c = base(l);
            c.set("cropping", JsonNodes.ints(l.config().start(), l.config().end()));
            return c;
        });
        add("UpSampling1D", UpSampling1D.class, true, a -> new UpSampling1D(a.intValue(2, "size", "length")), l -> {
            ObjectNode c = base(l);
            c.put("size", l.config().size());
            return c;
        });
        add("Identity", Identity.class, false, a -> new Identity(), LayerJson::base);
        add("GaussianDropout", GaussianDropout.class, false,
                a -> new GaussianDropout(new GaussianDropout.Config(number(a, 0, "rate", "p"), a.seed())), l -> {
                    ObjectNode c = base(l);
                    c.put("rate", l.config().rate());
                    LayerJson.seed(c, l.config().seed());
                    return c;
                });
        add("AlphaDropout", AlphaDropout.class, false, a -> {
            a.requireNull("noise_shape");
            return new AlphaDropout(new AlphaDropout.Config(number(a, 0, "rate"), a.seed()));
        }, l -> {
            ObjectNode c = base(l);
            c.put("rate", l.config().rate());
            LayerJson.seed(c, l.config().seed());
            c.putNull("noise_shape");
            return c;
        });
        add("ActivityRegularization", ActivityRegularization.class, false, a -> {
            a.requireNull("activity_regularizer");
            return new ActivityRegularization(number(a, 0, "l1"), number(a, 0, "l2"));
        }, l -> {
            ObjectNode c = base(l);
            c.put("l1", l.config().l1());
            c.put("l2", l.config().l2());
            return c;
        });
        add("UnitNormalization", UnitNormalization.class, false, a -> {
            int[] axes = a.ints("axis");
            List<Integer> axis = new ArrayList<>();
            if (axes == null) {
                axis.add(-1);
            } else {
                for (int v : axes) {
                    axis.add(v);
                }
            }
            return new UnitNormalization(new UnitNormalization.Config(axis));
        }, l -> {
            ObjectNode c = base(l);
            List<Integer> axis = l.config().axis();
            if (axis.size() == 1) {
                c.put("axis", axis.get(0));
            } else {
                c.set("axis", JsonNodes.ints(axis));
            }
            return c;
        });
        add("GroupNormalization", GroupNormalization.class, true, a -> {
            a.requireNull("beta_constraint", "gamma_constraint", "activity_regularizer");
            return new GroupNormalization(new GroupNormalization.Config(a.intValue(32, "groups"),
                    a.intValue(-1, "axis"), a.floatValue(1e-3f, "epsilon"), a.bool(true, "center"),
                    a.bool(true, "scale"), a.initializer("zeros", "beta_initializer"),
                    a.initializer("ones", "gamma_initializer"), a.regularizer("beta_regularizer"),
                    a.regularizer("gamma_regularizer")));
        }, l -> {
            GroupNormalization.Config k = l.config();
            ObjectNode c = base(l);
            c.put("groups", l.groups());
            c.put("axis", k.axis());
            c.put("epsilon", decimal(k.epsilon()));
            c.put("center", k.center());
            c.put("scale", k.scale());
            c.set("beta_initializer", initializer(k.betaInitializer()));
            c.set("gamma_initializer", initializer(k.gammaInitializer()));
            c.set("beta_regularizer", regularizer(k.betaRegularizer()));
            c.set("gamma_regularizer", regularizer(k.gammaRegularizer()));
            c.putNull("beta_constraint");
            c.putNull("gamma_constraint");
            return c;
        });
    }

    /** Keras's {@code standardize_tuple(v, 2)}: n or (a, b). */
    private static int[] pair(LayerArgs a, String key, int defaultValue) {
        JsonNode v = a.get(key);
        if (v == null) {
            return new int[] {defaultValue, defaultValue};
        }
        if (v.isIntegralNumber()) {
            return new int[] {v.asInt(), v.asInt()};
        }
        if (v.isArray() && v.size() == 2 && v.get(0).isIntegralNumber() && v.get(1).isIntegralNumber()) {
            return new int[] {v.get(0).asInt(), v.get(1).asInt()};
        }
        throw a.malformed(key, "an integer or two integers", v);
    }

    /** A number kept as the double Keras wrote, so that it is written back unchanged. */
    private static double number(LayerArgs a, double defaultValue, String... keys) {
        JsonNode v = a.get(keys);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isNumber()) {
            throw a.malformed(keys[0], "a number", v);
        }
        return v.asDouble();
    }
}
