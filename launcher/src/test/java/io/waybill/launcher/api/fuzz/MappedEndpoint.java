package io.waybill.launcher.api.fuzz;

import io.waybill.platform.web.BodyShape;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One endpoint as the service maps it, with what a request can carry besides a body: its path pattern, its
 * methods, the query parameters and headers its handler reads, whether it answers an event stream, and whether it
 * reads a body, with the record the body has the shape of where it declares one.
 */
public record MappedEndpoint(String pattern, Set<String> methods, List<String> parameters, List<String> headers,
                             boolean stream, boolean takesBody, Class<? extends Record> bodyRecord) {

    /** Every endpoint under {@code /api}, read from the service's handler mappings. */
    public static List<MappedEndpoint> all(RequestMappingHandlerMapping handlers) {
        List<MappedEndpoint> endpoints = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            List<String> parameters = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            MethodParameter body = null;
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = parameter;
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    parameters.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
                }
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (header != null) {
                    headers.add(!header.name().isEmpty() ? header.name() : parameter.getParameterName());
                }
            }
            Set<String> methods = new TreeSet<>();
            mapping.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            boolean stream = mapping.getProducesCondition().getProducibleMediaTypes()
                    .contains(MediaType.TEXT_EVENT_STREAM);
            boolean takesBody = body != null;
            Class<? extends Record> bodyRecord = takesBody ? recordOf(body) : null;
            mapping.getPatternsCondition().getPatterns().stream().map(p -> p.getPatternString())
                    .filter(pattern -> pattern.startsWith("/api"))
                    .forEach(pattern -> endpoints.add(new MappedEndpoint(pattern, Set.copyOf(methods),
                            List.copyOf(parameters), List.copyOf(headers), stream, takesBody, bodyRecord)));
        });
        return endpoints;
    }

    /** The record a body has the shape of: the parameter's own type, or the one it declares ({@link BodyShape}). */
    private static Class<? extends Record> recordOf(MethodParameter parameter) {
        BodyShape shape = parameter.getParameterAnnotation(BodyShape.class);
        if (shape != null) {
            return shape.value();
        }
        Class<?> type = parameter.getParameterType();
        return type.isRecord() ? type.asSubclass(Record.class) : null;
    }

    /** Whether every method of the endpoint only reads. */
    public boolean reads() {
        return methods.equals(Set.of("GET"));
    }

    @Override
    public String toString() {
        return methods + " " + pattern;
    }

}
