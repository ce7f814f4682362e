package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackListTest {
    /** Records "name:hook:index:keys" for every call. */
    private static Callback recorder(String name, List<String> calls) {
        return LambdaCallback.builder()
                .onTrainBegin(logs -> calls.add(name + ":trainBegin:" + logs.keySet()))
                .onEpochBegin((epoch, logs) -> calls.add(name + ":epochBegin:" + epoch))
                .onTrainBatchBegin((batch, logs) -> calls.add(name + ":trainBatchBegin:" + batch))
                .onTrainBatchEnd((batch, logs) -> calls.add(name + ":trainBatchEnd:" + batch + ":" + logs.keySet()))
                .onEpochEnd((epoch, logs) -> calls.add(name + ":epochEnd:" + epoch + ":" + logs.keySet()))
                .onTrainEnd(logs -> calls.add(name + ":trainEnd"))
                .onTestBegin(logs -> calls.add(name + ":testBegin"))
                .onTestBatchBegin((batch, logs) -> calls.add(name + ":testBatchBegin:" + batch))
                .onTestBatchEnd((batch, logs) -> calls.add(name + ":testBatchEnd:" + batch))
                .onTestEnd(logs -> calls.add(name + ":testEnd"))
                .onPredictBegin(logs -> calls.add(name + ":predictBegin"))
                .onPredictBatchBegin((batch, logs) -> calls.add(name + ":predictBatchBegin:" + batch))
                .onPredictBatchEnd((batch, logs) -> calls.add(name + ":predictBatchEnd:" + batch))
                .onPredictEnd(logs -> calls.add(name + ":predictEnd"))
                .build();
    }

    @Test
    void dispatchesEveryHookToEveryCallbackInOrder() {
        var calls = new ArrayList<String>();
        var list = new CallbackList(List.of(recorder("a", calls), recorder("b", calls)));
        list.onTrainBegin(null);
        list.onEpochBegin(0, null);
        list.onTrainBatchBegin(0, null);
        list.onTrainBatchEnd(0, Map.of("loss", 1.0, "accuracy", 0.5));
        list.onTestBegin(null);
        list.onTestBatchBegin(0, null);
        list.onTestBatchEnd(0, null);
        list.onTestEnd(null);
        list.onEpochEnd(0, Map.of("val_loss", 1.0, "loss", 1.0, "accuracy", 0.5, "val_accuracy", 0.5));
        list.onTrainEnd(null);
        list.onPredictBegin(null);
        list.onPredictBatchBegin(3, null);
        list.onPredictBatchEnd(3, null);
        list.onPredictEnd(null);
        assertEquals(List.of(
                "a:trainBegin:[]", "b:trainBegin:[]",
                "a:epochBegin:0", "b:epochBegin:0",
                "a:trainBatchBegin:0", "b:trainBatchBegin:0",
                "a:trainBatchEnd:0:[accuracy, loss]", "b:trainBatchEnd:0:[accuracy, loss]",
                "a:testBegin", "b:testBegin",
                "a:testBatchBegin:0", "b:testBatchBegin:0",
                "a:testBatchEnd:0", "b:testBatchEnd:0",
                "a:testEnd", "b:testEnd",
                "a:epochEnd:0:[accuracy, loss, val_accuracy, val_loss]",
                "b:epochEnd:0:[accuracy, loss, val_accuracy, val_loss]",
                "a:trainEnd", "b:trainEnd",
                "a:predictBegin", "b:predictBegin",
                "a:predictBatchBegin:3", "b:predictBatchBegin:3",
                "a:predictBatchEnd:3", "b:predictBatchEnd:3",
                "a:predictEnd", "b:predictEnd"), calls);
    }

    @Test
    void aKeyAddedByOneCallbackIsSeenByTheNextOnly() {
        // Keras shares one pythonified dict per dispatch (ReduceLROnPlateau adds "learning_rate").
        var seen = new ArrayList<String>();
        var adder = LambdaCallback.builder().onEpochEnd((epoch, logs) -> logs.put("learning_rate", 0.1)).build();
        var reader = LambdaCallback.builder().onEpochEnd((epoch, logs) -> seen.add(logs.keySet().toString())).build();
        var original = new HashMap<String, Double>(Map.of("loss", 1.0));
        new CallbackList(List.of(adder, reader)).onEpochEnd(0, original);
        assertEquals(List.of("[loss, learning_rate]"), seen);
        assertEquals(Map.of("loss", 1.0), original);
    }

    @Test
    void addsHistoryThenProgbarAfterUserCallbacksAndPassesModelAndParams() {
        var model = new FakeTrainingControl();
        var user = new TerminateOnNaN();
        var params = new HashMap<String, Object>(Map.of("verbose", 1, "epochs", 3));
        params.put("steps", null);
        var list = CallbackList.builder().callbacks(List.of(user)).addHistory(true).addProgbar(true)
                .progbarFactory(() -> new ProgbarLogger(new Capture().stream, new FakeClock(), Progbar.Display.PLAIN))
                .model(model).params(params).build();
        assertEquals(3, list.callbacks().size());
        assertSame(user, list.callbacks().get(0));
        assertSame(list.history(), list.callbacks().get(1));
        assertSame(list.progbar(), list.callbacks().get(2));
        assertSame(model, list.model());
        assertEquals(params, list.history().params());
        assertEquals(params, list.params());
    }

    @Test
    void keepsTheUsersHistoryAndProgbar() {
        var history = new History();
        var logger = new ProgbarLogger(new Capture().stream, new FakeClock(), Progbar.Display.PLAIN);
        var list = CallbackList.builder().callbacks(List.of(logger, history)).addHistory(true).addProgbar(true).build();
        assertEquals(List.of(logger, history), list.callbacks());
        assertSame(history, list.history());
        assertSame(logger, list.progbar());
    }

    @Test
    void addsNothingUnlessAsked() {
        var list = new CallbackList(List.of());
        assertEquals(List.of(), list.callbacks());
        assertNull(list.history());
        assertNull(list.progbar());
    }

    @Test
    void historyRecordsSortedLogsThroughTheList() {
        var list = CallbackList.builder().addHistory(true).build();
        list.onTrainBegin(null);
        list.onEpochEnd(0, Map.of("val_loss", 0.3, "loss", 0.2, "accuracy", 0.9));
        assertInstanceOf(History.class, list.callbacks().getFirst());
        assertEquals(List.of("accuracy", "loss", "val_loss"), List.copyOf(list.history().history().keySet()));
    }

    @Test
    void endWithoutBeginIsAnError() {
        var list = new CallbackList(List.of());
        list.onTrainBegin(null);
        list.onTestBegin(null);
        list.onTestEnd(null);
        list.onTrainEnd(null);
        assertThrows(IllegalStateException.class, () -> list.onPredictEnd(null));
    }

    @Test
    void rejectsNullCallbacks() {
        var withNull = new ArrayList<Callback>();
        withNull.add(null);
        var error = assertThrows(IllegalArgumentException.class, () -> CallbackList.builder().callbacks(withNull));
        assertEquals("callbacks must not contain null, got [null]", error.getMessage());
    }
}
