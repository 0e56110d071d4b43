package io.waybill.platform.web;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.platform.security.CallerAuthentication;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Builds the {@link RequestContext} of a request from its authenticated caller. By the time a handler runs, the
 * security chain has checked the token, that {@code X-Org-Id} names the token's organisation and the role.
 */
public class RequestContextResolver implements HandlerMethodArgumentResolver {

    public static final String ORG_HEADER = "X-Org-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestContext.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(CallerAuthentication.class::isInstance)
                .<Object>map(principal -> {
                    var caller = ((CallerAuthentication) principal).caller();
                    return new RequestContext(caller.orgId(), caller.userId(), CorrelationIds.of(exchange),
                            caller.tokenId());
                })
                .switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.UNAUTHORIZED,
                        "an Authorization: Bearer <token> header is required")));
    }
}
