package io.waybill.platform.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.waybill.platform.request.JsonRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

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
     * A field given twice in one object is refused: otherwise the last one would silently win, and a proxy or
     * validator that reads the first would see another request than the one carried out.
     */
    @Bean
    JsonMapperBuilderCustomizer refuseDuplicateFields() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Request bodies are checked to be well-formed UTF-8 before Jackson reads them (see {@link StrictJsonDecoder}),
     * and a body an endpoint declares as a request record is read by {@link JsonRequests}
     * ({@link RequestRecordDecoder}, consulted before the default decoders). Ordered after Boot's own Jackson codec
     * customizer (order 0), which would put the plain decoder back.
     */
    @Bean
    @Order(1)
    CodecCustomizer strictUtf8Json(JsonMapper jsonMapper, ObjectProvider<JsonRequests> requests) {
        StrictJsonDecoder json = new StrictJsonDecoder(jsonMapper);
        return configurer -> {
            configurer.defaultCodecs().jacksonJsonDecoder(json);
            configurer.customCodecs().registerWithDefaultConfig(new RequestRecordDecoder(json, requests));
        };
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
