package dev.jnn.layers;

import dev.jnn.tensor.StepScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The per-call state of a layer (output buffers and backward record), reused from one step to the
 * next. The i-th call of a step gets the object of the i-th call of the previous step, so a layer
 * used twice in a graph keeps two; outside a {@link StepScope} every call gets a new object.
 */
final class PerStep<T> {
    private final Supplier<T> factory;
    private final List<T> items = new ArrayList<>();
    private long scopeId = -1;
    private int next;

    PerStep(Supplier<T> factory) {
        this.factory = factory;
    }

    T acquire() {
        StepScope scope = StepScope.current();
        if (scope == null) {
            return factory.get();
        }
        if (scope.id() != scopeId) {
            scopeId = scope.id();
            next = 0;
        }
        if (next == items.size()) {
            items.add(factory.get());
        }
        return items.get(next++);
    }
}
