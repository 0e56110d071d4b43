package io.waybill.platform.security;

import io.waybill.api.access.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The role each endpoint declares with {@link Access}: read by the authorization check on every request, by the
 * start-up check that no {@code /api} endpoint lacks one, and by the tests that call every endpoint.
 */
public final class EndpointRoles {

    /** One mapping under {@code /api}: its methods, its path pattern and the least role it needs. */
    public record Endpoint(Set<RequestMethod> methods, String pattern, Role role) {
    }

    /** What a handler method of a bean type declares, looked up once: the check runs on every request. */
    private record Handler(Class<?> beanType, Method method) {
    }

    private static final Map<Handler, Role> DECLARED = new ConcurrentHashMap<>();

    private EndpointRoles() {
    }

    /** The handler's declared role (the method's, else its class's); a handler without one is a defect. */
    public static Role of(HandlerMethod handler) {
        return DECLARED.computeIfAbsent(new Handler(handler.getBeanType(), handler.getMethod()),
                declared -> declared(handler));
    }

    private static Role declared(HandlerMethod handler) {
        Access access = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class);
        }
        if (access == null) {
            throw new IllegalStateException(handler.getShortLogMessage() + " declares no @Access role");
        }
        return access.value();
    }

    /** Every endpoint under {@code /api} with its role; fails on the first that declares none. */
    public static List<Endpoint> all(RequestMappingHandlerMapping handlers) {
        List<Endpoint> endpoints = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> mapping.getPatternsCondition().getPatterns()
                .stream().map(pattern -> pattern.getPatternString()).filter(pattern -> pattern.startsWith("/api"))
                .forEach(pattern -> endpoints.add(new Endpoint(mapping.getMethodsCondition().getMethods(), pattern,
                        of(method)))));
        return endpoints;
    }
}
