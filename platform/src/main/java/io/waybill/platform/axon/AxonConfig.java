package io.waybill.platform.axon;

import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.time.Clock;
import java.time.ZoneOffset;

/** Axon wiring both sides share: how messages are serialized and what metadata every event inherits. */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    static {
        // The event store keeps times to the millisecond; stamping events at that precision makes what a command
        // answers equal to what is read back later.
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    /**
     * Jackson 3 refuses the type ids inside Axon's tracking tokens (a replay token wraps another token) unless a
     * validator allows them; without this, a processor started on a non-empty store retries forever.
     */
    @Bean
    Jackson3SerializerCustomizer polymorphicTypesForAxonTokens() {
        var validator = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.waybill.")
                .build();
        return builder -> builder.polymorphicTypeValidator(validator);
    }

    /**
     * Records on each event the id of the message that caused it ({@code causationId}) and of the first message of
     * the chain ({@code traceId}). Not under {@code correlationId}: that key holds the caller's correlation id.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(MessageMetadata.CAUSATION_ID, MessageMetadata.TRACE_ID);
    }

    /** Copies the organisation, the actor and the caller's correlation id from the command onto its events. */
    @Bean
    CorrelationDataProvider requestContextProvider() {
        return new SimpleCorrelationDataProvider(MessageMetadata.ORG_ID, MessageMetadata.ACTOR, MessageMetadata.TOKEN,
                MessageMetadata.CORRELATION_ID);
    }

    /**
     * Axon's event processing, each tracking processor's handlers answering their fixed checks from memory
     * ({@link ChecksKept}). Axon's own module is made only when there is none.
     */
    @Bean
    EventProcessingModule eventProcessingModule() {
        return new EventProcessingModule() {
            @Override
            protected EventProcessor trackingEventProcessor(String name, EventHandlerInvoker handlers,
                    TrackingEventProcessorConfiguration configuration,
                    StreamableMessageSource<TrackedEventMessage<?>> source) {
                return super.trackingEventProcessor(name, ChecksKept.around(handlers), configuration, source);
            }
        };
    }
}
