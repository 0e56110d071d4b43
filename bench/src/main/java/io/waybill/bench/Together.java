package io.waybill.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/** Runs {@code n} requests on as many threads, released at the same moment; answers the replies in order. */
final class Together {

    private Together() {
    }

    static List<Api.Reply> run(int n, IntFunction<Api.Reply> request) throws InterruptedException {
        Api.Reply[] replies = new Api.Reply[n];
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    replies[index] = request.apply(index);
                } catch (InterruptedException e) {
                    replies[index] = new Api.Reply(0, "interrupted", 0);
                }
            }, "together-" + i);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return List.of(replies);
    }
}
