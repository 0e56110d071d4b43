package io.waybill.platform.security;

import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Routes a request to the handler the authorization check already found for it ({@link EndpointAccess} looks it up
 * in the request mappings to read the role it declares), ahead of every other mapping, instead of matching the
 * request against every mapping a second time. That lookup did the whole of the mapping's work on this exchange
 * (its path variables, its media types, a handler's own CORS settings); a request it did not look up, or found
 * nothing for, goes on to the mappings as before.
 */
final class FoundHandler implements HandlerMapping, Ordered {

    private static final String FOUND = FoundHandler.class.getName() + ".handler";

    static void keep(ServerWebExchange exchange, Object handler) {
        exchange.getAttributes().put(FOUND, handler);
    }

    @Override
    public Mono<Object> getHandler(ServerWebExchange exchange) {
        Object found = exchange.getAttribute(FOUND);
        return Mono.justOrEmpty(found);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
