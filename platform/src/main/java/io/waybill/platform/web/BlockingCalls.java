package io.waybill.platform.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.concurrent.Callable;

/** Runs blocking work (JDBC, Axon's command handling, the event store) on the bounded blocking scheduler. */
@Component
public class BlockingCalls {

    private final Scheduler blocking;

    BlockingCalls(@Qualifier("blockingScheduler") Scheduler blocking) {
        this.blocking = blocking;
    }

    public <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(blocking);
    }

    /** What follows {@code answer} runs on the blocking scheduler, not on the thread that answered. */
    public <T> Mono<T> resumed(Mono<T> answer) {
        return answer.publishOn(blocking);
    }
}
