package io.waybill.platform.web;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an answer given on another thread is taken up again: the subscribing event loop, else the blocking pool. */
class BlockingCallsTest {

    private final Scheduler blocking = Schedulers.newBoundedElastic(2, 10, "test-blocking");
    private final Scheduler answering = Schedulers.newSingle("test-answering");
    private final EventLoop loop = new DefaultEventLoop();
    private final BlockingCalls calls = new BlockingCalls(blocking);

    @AfterEach
    void stop() throws InterruptedException {
        blocking.dispose();
        answering.dispose();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerSubscribedFromAnEventLoopGoesOnThere() throws Exception {
        Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        Mono<String> afterAnswer = calls.resumed(answer())
                .map(value -> value + " then on " + Thread.currentThread().getName());

        // subscribed on the loop, as WebFlux subscribes to a handler's answer on the connection's event loop
        String seen = loop.submit(() -> afterAnswer.toFuture()).get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);

        assertThat(seen).startsWith("answered on test-answering").endsWith(" then on " + loopThread.getName());
    }

    @Test
    void anAnswerSubscribedElsewhereGoesOnInTheBlockingPool() {
        String seen = calls.resumed(answer()).map(value -> value + " then on " + Thread.currentThread().getName())
                .block(Duration.ofSeconds(5));

        assertThat(seen).startsWith("answered on test-answering").contains(" then on test-blocking");
    }

    /** An answer given on a thread of its own, as a group commit answers a create. */
    private Mono<String> answer() {
        return Mono.fromCallable(() -> "answered on " + Thread.currentThread().getName()).subscribeOn(answering);
    }
}
