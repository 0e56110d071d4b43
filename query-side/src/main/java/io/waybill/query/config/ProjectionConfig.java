package io.waybill.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Every projection runs in a pooled streaming processor whose work is split into segments. Each segment is
 * claimed by one process at a time through the token store, so query-side processes sharing one database share
 * the work and never apply an event twice; a projection's writes and its token commit in one transaction.
 * <p>
 * A handler that fails makes its batch fail: the writes and the token roll back and the processor retries the
 * batch later. (Axon's default would log the failure and move on, losing the event for that read model.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionConfig {

    /**
     * The token store, under a node id of our choosing: segment claims are owned per node, and two query sides
     * that share an id (by default {@code pid@host}, which can repeat across containers) would both process a
     * segment. Set {@code waybill.projections.node-id} per process where that can happen.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties properties, ProjectionSettings settings) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(settings.nodeId())
                .build();
    }

    @Bean
    ConfigurerModule pooledProjections(ProjectionSettings settings) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .usingPooledStreamingEventProcessors((config, builder) -> {
                    builder.initialSegmentCount(settings.segments()).batchSize(settings.batchSize());
                    if (settings.maxClaimedSegments() > 0) {
                        builder.maxClaimedSegments(settings.maxClaimedSegments());
                    }
                    return builder;
                }));
    }
}
