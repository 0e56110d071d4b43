package io.waybill.platform.security;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.platform.web.ApiErrorHandler;
import io.waybill.platform.web.CorrelationIds;
import io.waybill.platform.web.RequestContextResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Which pages on other origins may call the API from a browser: none unless {@code waybill.http.cors.allowed-origins}
 * lists them (exact origins such as {@code https://ops.example.com}, comma-separated). A listed origin may send the
 * headers the API reads (the bearer token, the organisation, a correlation id, {@code If-Match},
 * {@code Last-Event-ID}) and read those it answers ({@code X-Correlation-Id}, {@code Retry-After}). Credentials
 * (cookies) are never allowed: the API takes bearer tokens only. The filter runs where Spring Security's CORS filter
 * would, first in the chain, so a preflight is answered before authentication; a request from an origin not listed
 * is refused with {@code 403 forbidden} in the envelope (Spring's own filter answers an empty body).
 */
final class CrossOrigin implements WebFilter {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ApiErrorHandler errors;

    private CrossOrigin(CorsConfigurationSource source, ApiErrorHandler errors) {
        this.source = source;
        this.errors = errors;
    }

    /** Adds the filter for the listed origins; none when there are none (Spring's CORS handling stays off). */
    static void configure(ServerHttpSecurity http, List<String> origins, ApiErrorHandler errors) {
        List<String> allowed = origins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        http.cors(ServerHttpSecurity.CorsSpec::disable);
        if (!allowed.isEmpty()) {
            http.addFilterAt(new CrossOrigin(source(allowed), errors), SecurityWebFiltersOrder.CORS);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
            String origin = exchange.getRequest().getHeaders().getOrigin();
            return errors.handle(exchange, new DomainException(ErrorCode.FORBIDDEN, "requests from the origin "
                    + origin + " are not allowed; waybill.http.cors.allowed-origins lists those that are",
                    Map.of("origin", String.valueOf(origin))));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
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
