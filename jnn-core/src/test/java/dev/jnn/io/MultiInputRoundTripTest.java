package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.layers.Add;
import dev.jnn.layers.Attention;
import dev.jnn.layers.Average;
import dev.jnn.layers.Concatenate;
import dev.jnn.layers.Dot;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.Maximum;
import dev.jnn.layers.Minimum;
import dev.jnn.layers.MultiHeadAttention;
import dev.jnn.layers.Multiply;
import dev.jnn.layers.Subtract;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Layers with several inputs survive toJson → fromJson inside a two-input functional model. */
class MultiInputRoundTripTest {
    record Sample(int[] first, int[] second, Supplier<Layer> layer) {
    }

    static List<Sample> samples() {
        int[] v = {4};
        int[] seq = {5, 4};
        return List.of(
                new Sample(v, v, Add::new), new Sample(v, v, Subtract::new), new Sample(v, v, Multiply::new),
                new Sample(v, v, Average::new), new Sample(v, v, Maximum::new), new Sample(v, v, Minimum::new),
                new Sample(seq, seq, () -> new Concatenate(1)),
                new Sample(seq, seq, () -> new Dot(new Dot.Config(2, 2, true))),
                new Sample(seq, new int[] {6, 4}, () -> new Attention(new Attention.Config(true, "dot", 0.1f, false,
                        false, 3L))),
                new Sample(seq, new int[] {6, 4}, () -> MultiHeadAttention.builder(2, 3).valueDim(2).build()),
                new Sample(seq, new int[] {6, 4}, () -> new dev.jnn.layers.AdditiveAttention(
                        new dev.jnn.layers.AdditiveAttention.Config(true, 0.2f, false, false, 5L))));
    }

    @TestFactory
    List<DynamicTest> multiInputLayersRoundTrip() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sample s : samples()) {
            tests.add(DynamicTest.dynamicTest(s.layer.get().className(), () -> {
                SymbolicTensor a = Input.tensor("a", s.first);
                SymbolicTensor b = Input.tensor("b", s.second);
                Layer layer = s.layer.get();
                Functional model = Model.of(List.of(a, b), List.of(layer.apply(a, b)));
                JsonNode json = KerasConfig.modelToJson(model);
                Model back = KerasConfig.modelFromJson(json);
                assertNull(JsonDiff.diff(json, KerasConfig.modelToJson(back)));
                Layer read = back.layers().stream().filter(l -> l.name().equals(layer.name())).findFirst()
                        .orElseThrow();
                assertEquals(layer.config().toString(), read.config().toString());
                assertEquals(model.countParams(), back.countParams());
                assertEquals(model.outputShapes(), back.outputShapes());
            }));
        }
        return tests;
    }
}
