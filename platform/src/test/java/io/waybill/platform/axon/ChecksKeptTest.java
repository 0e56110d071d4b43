package io.waybill.platform.axon;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksKeptTest {

    /** Takes text and a reset. */
    static final class Texts {
        final List<String> seen = new ArrayList<>();
        int resets;

        @EventHandler
        void on(String text) {
            seen.add(text);
        }

        @ResetHandler
        void reset() {
            resets++;
        }
    }

    /** Takes numbers, and no replay. */
    @DisallowReplay
    static final class Numbers {
        final List<Integer> seen = new ArrayList<>();

        @EventHandler
        void on(Integer number) {
            seen.add(number);
        }
    }

    @Test
    void answersAsTheHandlersDoAndHandsThemTheirEvents() throws Exception {
        Texts texts = new Texts();
        Numbers numbers = new Numbers();
        EventHandlerInvoker axons = new MultiEventHandlerInvoker(invoker(texts), invoker(numbers));
        EventHandlerInvoker kept = ChecksKept.around(axons);

        assertThat(kept).isInstanceOf(ChecksKept.class);
        assertThat(ChecksKept.around(kept)).isSameAs(kept);
        for (int time = 0; time < 2; time++) {
            for (Class<?> type : List.of(String.class, Integer.class, Long.class, Object.class)) {
                assertThat(kept.canHandleType(type)).as(type.getName()).isEqualTo(axons.canHandleType(type));
            }
            assertThat(kept.supportsReset()).isEqualTo(axons.supportsReset());
        }
        assertThat(kept.canHandleType(Long.class)).isFalse();
        assertThat(invoker(numbers).supportsReset()).isFalse();
        assertThat(ChecksKept.around(invoker(numbers)).supportsReset()).isFalse();

        for (Object payload : List.of("one", 2, 3L)) {
            var event = GenericEventMessage.asEventMessage(payload);
            assertThat(kept.canHandle(event, Segment.ROOT_SEGMENT)).as(payload.toString())
                    .isEqualTo(axons.canHandle(event, Segment.ROOT_SEGMENT));
            kept.handle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(texts.seen).containsExactly("one");
        assertThat(numbers.seen).containsExactly(2);

        kept.performReset();
        assertThat(texts.resets).isEqualTo(1);
    }

    private static EventHandlerInvoker invoker(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
    }
}
