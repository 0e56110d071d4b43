package io.waybill.query.ops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

/**
 * The ops console, {@code /console}: a page of plain HTML and JavaScript ({@code static/console/}) that signs in
 * with an API token and uses only the public API: projections, replays, dead letters, the live tail. Its script
 * and style are served as static resources beside it.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePage {

    @Bean
    RouterFunction<ServerResponse> console(@Value("classpath:/static/console/index.html") Resource page) {
        return RouterFunctions.route()
                .GET("/console", request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .GET("/console/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(page))
                .build();
    }
}
