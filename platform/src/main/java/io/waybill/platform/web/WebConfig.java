package io.waybill.platform.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.StreamWriteFeature;

import java.math.BigDecimal;

/** The HTTP conventions both sides share. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new RequestContextResolver());
    }

    /** Decimals travel as strings holding the exact value, never as binary floating point. */
    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        return builder -> builder
                .withConfigOverride(BigDecimal.class,
                        override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * Where blocking work (the JDBC event store, Axon's command handling) runs, so that it never holds a Netty
     * event-loop thread. Bounded: under overload, work queues here instead of exhausting threads.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler blockingScheduler() {
        return Schedulers.newBoundedElastic(64, 10_000, "waybill-blocking");
    }
}
