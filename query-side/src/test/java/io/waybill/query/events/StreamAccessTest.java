package io.waybill.query.events;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream ends when its caller's access ends, and only then: not when a check cannot be made. */
class StreamAccessTest {

    private static final Duration PERIOD = Duration.ofSeconds(2);

    @Test
    void aCheckThatCannotBeMadeEndsNothingAndTheNextOneThatCanDecides() {
        AtomicInteger checks = new AtomicInteger();
        Mono<Boolean> check = Mono.defer(() -> switch (checks.incrementAndGet()) {
            case 1 -> Mono.error(new IllegalStateException("the database is out of reach"));
            case 2 -> Mono.just(true);
            default -> Mono.just(false);
        });

        StepVerifier.withVirtualTime(() -> Streams.untilAccessEnds(Flux.never(), check, PERIOD))
                .expectSubscription()
                .expectNoEvent(PERIOD.multipliedBy(3).minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(StreamMessages.ACCESS_ENDED)
                .verifyComplete();
        assertThat(checks).hasValue(3);
    }
}
