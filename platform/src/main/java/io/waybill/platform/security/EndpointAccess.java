package io.waybill.platform.security;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.access.Role;
import io.waybill.platform.web.RequestContextResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Decides every {@code /api} request before its body is read: the caller must be authenticated, act for the
 * organisation its token belongs to, and hold at least the role the endpoint declares with {@link Access}.
 * Requests that match no endpoint pass, so that they get their 404 or 405. The handler found is kept on the exchange
 * for {@link FoundHandler}, so that the request is routed once.
 */
final class EndpointAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final RequestMappingHandlerMapping handlers;

    EndpointAccess(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    /** A refusal with the message the caller will read. */
    static final class Refused extends AccessDeniedException {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        return authentication
                .filter(CallerAuthentication.class::isInstance)
                .cast(CallerAuthentication.class)
                .flatMap(caller -> decide(caller, exchange))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private Mono<AuthorizationResult> decide(CallerAuthentication authentication, ServerWebExchange exchange) {
        Caller caller = authentication.caller();
        String named = exchange.getRequest().getHeaders().getFirst(RequestContextResolver.ORG_HEADER);
        String orgId = named == null && authentication.byTicket() ? caller.orgId() : named;
        if (orgId == null || orgId.isBlank()) {
            return Mono.error(new DomainException(ErrorCode.VALIDATION_FAILED,
                    "the " + RequestContextResolver.ORG_HEADER + " header is required",
                    Map.of("header", RequestContextResolver.ORG_HEADER)));
        }
        if (!orgId.equals(caller.orgId())) {
            return Mono.error(new Refused(caller.tokenId() == null ? "the caller is not a member of organisation "
                    + orgId : "the token belongs to another organisation than " + orgId));
        }
        return required(exchange)
                .flatMap(role -> caller.role().includes(role)
                        ? Mono.<AuthorizationResult>just(new AuthorizationDecision(true))
                        : Mono.<AuthorizationResult>error(new Refused("this needs the " + role.code()
                                + " role; the caller is " + caller.role().code())))
                .defaultIfEmpty(new AuthorizationDecision(true));
    }

    /** The endpoint's declared role; empty when no endpoint matches (or the method is not allowed). */
    private Mono<Role> required(ServerWebExchange exchange) {
        return handlers.getHandler(exchange)
                .onErrorResume(e -> Mono.empty())
                .doOnNext(handler -> FoundHandler.keep(exchange, handler))
                .filter(HandlerMethod.class::isInstance)
                .map(handler -> EndpointRoles.of((HandlerMethod) handler));
    }
}
