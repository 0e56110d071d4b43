package io.waybill.platform.web;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds the {@link RequestContext} of a request from its headers. Every endpoint that takes one refuses a request
 * without a well-formed {@code X-Org-Id}.
 */
public class RequestContextResolver implements HandlerMethodArgumentResolver {

    public static final String ORG_HEADER = "X-Org-Id";
    public static final String ACTOR_HEADER = "X-Actor";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestContext.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return Mono.fromCallable(() -> resolve(exchange));
    }

    static RequestContext resolve(ServerWebExchange exchange) {
        var headers = exchange.getRequest().getHeaders();
        String orgId = headers.getFirst(ORG_HEADER);
        if (orgId == null || orgId.isBlank()) {
            throw header(ORG_HEADER, "the " + ORG_HEADER + " header is required");
        }
        String actor = headers.getFirst(ACTOR_HEADER);
        String correlationId = headers.getFirst(CORRELATION_HEADER);
        return new RequestContext(valid(ORG_HEADER, orgId),
                actor == null ? "anonymous" : valid(ACTOR_HEADER, actor),
                correlationId == null ? UUID.randomUUID().toString() : valid(CORRELATION_HEADER, correlationId));
    }

    private static String valid(String header, String value) {
        if (!TOKEN.matcher(value).matches()) {
            throw header(header, header + " must be 1 to 64 letters, digits or . _ : @ -");
        }
        return value;
    }

    private static DomainException header(String header, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message, Map.of("header", header));
    }
}
