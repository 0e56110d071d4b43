package io.waybill.launcher;

import io.waybill.api.DomainError;
import io.waybill.api.DomainException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Sends every command's answer, and every refusal's error, through the message serializer and back, as Axon Server
 * does between the process that handles a command and the one that sent it: an answer whose type does not survive
 * the trip (a generic collection comes back as a list of maps) fails the test that sent the command, in every
 * HTTP test of the service, on either database.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AnswersThroughAxonServer {

    @Autowired
    void roundTrip(@Qualifier("localSegment") CommandBus bus, Configuration axon) {
        bus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Serializer serializer = axon.messageSerializer();
            try {
                Object answer = chain.proceed();
                return answer == null ? null : serializer.deserialize(serializer.serialize(answer, byte[].class));
            } catch (DomainException refusal) {
                Object error = serializer.deserialize(serializer.serialize(refusal.toError(), byte[].class));
                if (!(error instanceof DomainError)) {
                    throw new IllegalStateException("a refusal's error came back as " + error.getClass(), refusal);
                }
                throw refusal;
            }
        });
    }
}
