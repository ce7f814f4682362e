package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.kernels.SgemmOracle.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of parallel regions back to back (about 5,000 here), of random sizes, with failures and
 * with several calling threads at once: a lost wake-up shows as a hang (hence the timeouts), a worker reading a
 * stale region as a task run twice or not at all, and a missing happens-before as a wrong product.
 */
class KernelPoolStressTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void thousandsOfRegionsRunEveryTaskOnce() {
        var random = new Random(11);
        for (int region = 0; region < 3000; region++) {
            int tasks = 2 + random.nextInt(region % 2 == 0 ? 4 : 64);
            var counts = new AtomicIntegerArray(tasks);
            int[] plain = new int[tasks];   // plain writes: must be visible to the caller afterwards
            KernelPool.run(tasks, t -> {
                counts.incrementAndGet(t);
                plain[t] = t + 1;
            });
            for (int t = 0; t < tasks; t++) {
                assertEquals(1, counts.get(t), "region " + region + ", task " + t + " of " + tasks);
                assertEquals(t + 1, plain[t], "region " + region + ", task " + t + " of " + tasks);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void parallelProductsMatchTheSerialPathAndTheScalarTwin() {
        // Thresholds so low that every product is parallel (pack and tile regions), against the
        // same kernel never parallel: results must be bit-identical, whatever thread ran a tile.
        var parallel = new VectorSgemm(1, 4096);
        var serial = new VectorSgemm(Long.MAX_VALUE, 4096);
        var scalar = new ScalarSgemm();
        var random = new Random(5);
        for (int round = 0; round < 400; round++) {
            int m = 1 + random.nextInt(40);
            int k = 1 + random.nextInt(70);
            int n = 1 + random.nextInt(40);
            Layout layout = Layout.values()[random.nextInt(3)];
            boolean accumulate = random.nextBoolean();
            float[] a = SgemmOracle.random(random, m * k);
            float[] b = SgemmOracle.random(random, k * n);
            float[] c0 = SgemmOracle.random(random, m * n);
            float[] fast = c0.clone();
            float[] slow = c0.clone();
            float[] reference = c0.clone();
            SgemmOracle.call(parallel, layout, a, b, fast, m, k, n, accumulate);
            SgemmOracle.call(serial, layout, a, b, slow, m, k, n, accumulate);
            SgemmOracle.call(scalar, layout, a, b, reference, m, k, n, accumulate);
            String what = layout + " " + m + "x" + k + "x" + n + " accumulate=" + accumulate;
            assertArrayEquals(slow, fast, what);
            SgemmOracle.assertProduct(what, layout, a, b, c0, fast, m, k, n, accumulate);
            SgemmOracle.assertProduct(what + " scalar", layout, a, b, c0, reference, m, k, n, accumulate);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void failuresReachTheCallerAndThePoolKeepsWorking() {
        var random = new Random(3);
        for (int region = 0; region < 500; region++) {
            int tasks = 2 + random.nextInt(30);
            int failing = random.nextInt(tasks);
            var counts = new AtomicIntegerArray(tasks);
            var e = assertThrows(IllegalStateException.class, () -> KernelPool.run(tasks, t -> {
                counts.incrementAndGet(t);
                if (t == failing) {
                    throw new IllegalStateException("task " + t);
                }
            }));
            assertEquals("task " + failing, e.getMessage());
            for (int t = 0; t < tasks; t++) {
                assertEquals(1, counts.get(t), "region " + region + ", task " + t);
            }
        }
        var error = new AssertionError("an error, not an exception");
        assertSame(error, assertThrows(AssertionError.class, () -> KernelPool.run(8, t -> {
            if (t == 5) {
                throw error;
            }
        })));
        var counts = new AtomicIntegerArray(50);
        KernelPool.run(50, counts::incrementAndGet);
        for (int t = 0; t < 50; t++) {
            assertEquals(1, counts.get(t), "task " + t + " after the failures");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void severalCallingThreadsAtOnce() throws InterruptedException {
        // While one thread runs a region, the others run theirs in their own thread; all finish,
        // each task exactly once, nested regions included.
        int callers = 4;
        var start = new CountDownLatch(1);
        var failure = new AtomicReference<Throwable>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int seed = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    var random = new Random(seed);
                    for (int region = 0; region < 300; region++) {
                        int tasks = 2 + random.nextInt(20);
                        var counts = new AtomicIntegerArray(tasks);
                        var inner = new AtomicIntegerArray(tasks * 3);
                        KernelPool.run(tasks, t -> {
                            counts.incrementAndGet(t);
                            // Nested: in the calling thread when the outer region holds the pool,
                            // possibly in parallel when the outer one ran serially (pool busy).
                            KernelPool.run(3, i -> inner.incrementAndGet(t * 3 + i));
                        });
                        for (int i = 0; i < tasks * 3; i++) {
                            if (inner.get(i) != 1) {
                                throw new AssertionError("caller " + seed + ", region " + region + ", nested task "
                                        + i + " ran " + inner.get(i) + " times");
                            }
                        }
                        for (int t = 0; t < tasks; t++) {
                            if (counts.get(t) != 1) {
                                throw new AssertionError("caller " + seed + ", region " + region + ", task " + t
                                        + " ran " + counts.get(t) + " times");
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
