package io.waybill.platform.security;

import io.waybill.platform.web.CorrelationIds;
import io.waybill.platform.web.RequestContextResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * Which pages on other origins may call the API from a browser: none unless {@code waybill.http.cors.allowed-origins}
 * lists them (exact origins such as {@code https://ops.example.com}, comma-separated). A listed origin may send the
 * headers the API reads (the bearer token, the organisation, a correlation id, {@code If-Match},
 * {@code Last-Event-ID}) and read those it answers ({@code X-Correlation-Id}, {@code Retry-After}). Credentials (cookies) are never allowed:
 * the API takes bearer tokens only. Spring Security's CORS filter runs first in the chain, so a preflight is answered
 * before authentication, and one from an origin not listed is refused with 403.
 */
final class CrossOrigin {

    private CrossOrigin() {
    }

    /** Turns the chain's CORS filter on for the listed origins, or off when there are none. */
    static void configure(ServerHttpSecurity.CorsSpec cors, List<String> origins) {
        List<String> allowed = origins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        if (allowed.isEmpty()) {
            cors.disable();
        } else {
            cors.configurationSource(source(allowed));
        }
    }

    private static CorsConfigurationSource source(List<String> allowed) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowed);
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                RequestContextResolver.ORG_HEADER, CorrelationIds.HEADER, HttpHeaders.IF_MATCH, "Last-Event-ID"));
        api.setExposedHeaders(List.of(CorrelationIds.HEADER, HttpHeaders.RETRY_AFTER));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
