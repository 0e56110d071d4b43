package io.waybill.platform.axon;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An event processor's handlers, answering from memory the two questions Axon's tracking processor asks of them
 * again for every event: whether they take a reset, and whether any of them handles the event's payload type. Axon
 * answers both by walking every handler of every handling class (through streams), once for the processor's check
 * of an event and again when it handles it; the answers only depend on the handlers, fixed when the processor is
 * built, and on the payload's class. Everything else goes to the handlers as it is.
 */
public final class ChecksKept implements EventHandlerInvoker {

    private final EventHandlerInvoker handlers;
    private final boolean supportsReset;
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

    private ChecksKept(EventHandlerInvoker handlers) {
        this.handlers = handlers;
        this.supportsReset = handlers.supportsReset();
    }

    /**
     * {@code handlers} with their answers kept; the parts of a {@link MultiEventHandlerInvoker} each keep their own
     * too, since it asks each part whether it takes a reset before every event it hands it.
     */
    public static EventHandlerInvoker around(EventHandlerInvoker handlers) {
        if (handlers instanceof ChecksKept) {
            return handlers;
        }
        if (handlers instanceof MultiEventHandlerInvoker parts) {
            return new ChecksKept(new MultiEventHandlerInvoker(parts.delegates().stream()
                    .map(ChecksKept::around).toList()));
        }
        return new ChecksKept(handlers);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return handlers.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        Boolean handled = handledTypes.get(payloadType);
        if (handled == null) {
            handled = handlers.canHandleType(payloadType);
            handledTypes.put(payloadType, handled);
        }
        return handled;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        handlers.handle(message, segment);
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    @Override
    public void performReset() {
        handlers.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        handlers.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        handlers.segmentReleased(segment);
    }
}
