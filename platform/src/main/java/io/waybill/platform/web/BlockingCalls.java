package io.waybill.platform.web;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/** Runs blocking work (JDBC, Axon's command handling, the event store) on the bounded blocking scheduler. */
@Component
public class BlockingCalls {

    private final Scheduler blocking;
    /** A scheduler for each event loop that has resumed an answer (HTTP or database): a handful of them. */
    private final Map<EventExecutor, Scheduler> loops = new ConcurrentHashMap<>();

    BlockingCalls(@Qualifier("blockingScheduler") Scheduler blocking) {
        this.blocking = blocking;
    }

    public <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(blocking);
    }

    /**
     * What follows {@code answer} (the response's encoding and write) runs on the event loop that subscribed, which
     * writes the response in any case, rather than on the thread that answered; on the blocking scheduler where no
     * event loop subscribed. One hand-off between threads per answer instead of two (docs/design.md, "Performance").
     * Nothing that follows may block.
     */
    public <T> Mono<T> resumed(Mono<T> answer) {
        return Mono.defer(() -> {
            EventExecutor current = ThreadExecutorMap.currentExecutor();
            return answer.publishOn(current instanceof EventLoop loop
                    ? loops.computeIfAbsent(loop, Schedulers::fromExecutor) : blocking);
        });
    }
}
