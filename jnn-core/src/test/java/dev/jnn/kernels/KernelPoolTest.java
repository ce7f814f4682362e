package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class KernelPoolTest {
    @Test
    void runsEveryTaskExactlyOnce() {
        for (int tasks : new int[] {0, 1, 2, 3, 17, 100}) {
            var counts = new AtomicIntegerArray(tasks);
            KernelPool.run(tasks, counts::incrementAndGet);
            for (int t = 0; t < tasks; t++) {
                assertEquals(1, counts.get(t), "task " + t + " of " + tasks);
            }
        }
    }

    @Test
    void nestedCallsRunInTheCallingThread() {
        var outerThreads = new Thread[8];
        var innerThreads = new Thread[8 * 4];
        KernelPool.run(8, outer -> {
            outerThreads[outer] = Thread.currentThread();
            KernelPool.run(4, inner -> innerThreads[outer * 4 + inner] = Thread.currentThread());
        });
        for (int i = 0; i < innerThreads.length; i++) {
            assertSame(outerThreads[i / 4], innerThreads[i], "inner task " + i);
        }
    }

    @Test
    void aFailingTaskFailsTheRunAfterTheOthersEnd() {
        var counts = new AtomicIntegerArray(20);
        var e = assertThrows(IllegalStateException.class, () -> KernelPool.run(20, t -> {
            counts.incrementAndGet(t);
            if (t == 7) {
                throw new IllegalStateException("task 7");
            }
        }));
        assertEquals("task 7", e.getMessage());
        for (int t = 0; t < 20; t++) {
            assertEquals(1, counts.get(t), "task " + t);
        }
    }

    @Test
    void threadsPropertyIsParsed() {
        assertEquals(4, KernelPool.parseThreads(null, 4));
        assertEquals(1, KernelPool.parseThreads("", 0));
        assertEquals(3, KernelPool.parseThreads(" 3 ", 8));
        var e = assertThrows(IllegalArgumentException.class, () -> KernelPool.parseThreads("0", 8));
        assertTrue(e.getMessage().contains("jnn.threads") && e.getMessage().contains("'0'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelPool.parseThreads("two", 8));
        assertTrue(KernelPool.threads() >= 1);
    }
}
