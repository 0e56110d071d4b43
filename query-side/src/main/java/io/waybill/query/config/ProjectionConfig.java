package io.waybill.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor whose work is split into segments. Each segment is
 * claimed by one process at a time through the token store, so query-side processes sharing one database share
 * the work and never apply an event twice; a projection's writes and its token commit in one transaction.
 * <p>
 * A handler that fails makes its batch fail: the writes and the token roll back and the processor retries the
 * batch later. (Axon's default would log the failure and move on, losing the event for that read model.)
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfig {

    /**
     * The token store, under a node id of our choosing: segment claims are owned per node, and two query sides
     * that share an id (by default {@code pid@host}, which can repeat across containers) would both process a
     * segment. Set {@code waybill.projections.node-id} per process where that can happen.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties properties,
                          @Value("${waybill.projections.node-id:}") String nodeId) {
        var builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout());
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    @Bean
    ConfigurerModule pooledProjections(@Value("${waybill.projections.segments}") int segments,
                                       @Value("${waybill.projections.batch-size}") int batchSize,
                                       @Value("${waybill.projections.max-claimed-segments:0}") int maxClaimed) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .usingPooledStreamingEventProcessors((config, builder) -> {
                    builder.initialSegmentCount(segments).batchSize(batchSize);
                    if (maxClaimed > 0) {
                        builder.maxClaimedSegments(maxClaimed);
                    }
                    return builder;
                }));
    }
}
