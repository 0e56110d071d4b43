package io.waybill.platform.web;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Refuses a body announced larger than {@code waybill.http.max-body-size} before reading any of it. A body sent
 * without a length is cut off at the same size by the codecs ({@code spring.http.codecs.max-in-memory-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit implements WebFilter {

    private final long limit;

    RequestBodyLimit(@Value("${waybill.http.max-body-size:1MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit) {
            return Mono.error(new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is " + length + " bytes; at most " + limit + " are accepted",
                    Map.of("limitBytes", limit)));
        }
        return chain.filter(exchange);
    }
}
