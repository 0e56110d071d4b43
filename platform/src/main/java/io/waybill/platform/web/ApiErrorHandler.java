package io.waybill.platform.web;

import io.waybill.platform.Causes;
import io.waybill.platform.axon.CommandErrors;
import io.waybill.api.DomainError;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where failures become the error envelope {@code {"error": {code, message, details}}}. Domain
 * failures are mapped by their code, wherever they were raised; anything unexpected is logged and answered as
 * {@code internal_error} with nothing of its internals.
 */
@Component
@Order(-2)
public class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    /** When a client should try again after {@code 503 unavailable}: outages of the database or of a route pass. */
    private static final String RETRY_AFTER_SECONDS = "2";
    private final JsonMapper jsonMapper;
    private final List<RefusalObserver> observers;

    public ApiErrorHandler(JsonMapper jsonMapper, List<RefusalObserver> observers) {
        this.jsonMapper = jsonMapper;
        this.observers = List.copyOf(observers);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        DomainError error = observed(exchange, map(failure));
        if (ErrorCode.INTERNAL_ERROR.code().equals(error.code())) {
            String correlationId = CorrelationIds.of(exchange);
            log.error("Unexpected failure of {} {} [correlationId={}]", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), correlationId, failure);
            error = new DomainError(error.code(), error.message() + "; quote correlation id " + correlationId,
                    Map.of("correlationId", correlationId));
        }
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        response.setRawStatusCode(ErrorCode.fromCode(error.code()).httpStatus());
        if (failure instanceof ResponseStatusException status) {
            response.getHeaders().addAll(status.getHeaders());
        }
        if (ErrorCode.UNAVAILABLE.code().equals(error.code())
                && response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER) == null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(envelope(error))));
    }

    private DomainError observed(ServerWebExchange exchange, DomainError error) {
        if (exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof PathPattern path) {
            for (RefusalObserver observer : observers) {
                error = observer.observe(handler, path.getPatternString(), error);
            }
        }
        return error;
    }

    /** The error as the body of an answer: {@code {"error": {code, message, details}}}. */
    public byte[] envelope(DomainError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", error.message());
        body.put("details", error.details());
        return jsonMapper.writeValueAsBytes(Map.of("error", body));
    }

    /** The error a failure answers; an unexpected one is logged, as nothing of it reaches the caller. */
    public static DomainError toError(Throwable failure) {
        DomainError error = map(failure);
        if (ErrorCode.INTERNAL_ERROR.code().equals(error.code())) {
            log.error("Unexpected failure", failure);
        }
        return error;
    }

    private static DomainError map(Throwable failure) {
        if (failure instanceof DomainException domain) {
            return domain.toError();
        }
        if (failure instanceof HandlerExecutionException remote && remote.getDetails().orElse(null)
                instanceof DomainError error) {
            return error;
        }
        if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException) {
            return new DomainError(ErrorCode.CONFLICT.code(), CommandErrors.RACE_LOST, Map.of());
        }
        if (failure instanceof AggregateNotFoundException missing) {
            return new DomainError(ErrorCode.NOT_FOUND.code(), "no such resource",
                    Map.of("id", CommandErrors.recordId(missing)));
        }
        if (causedByBodyLimit(failure)) {
            return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE.code(), "the request body is too large", Map.of());
        }
        if (failure instanceof ServerWebInputException input) {
            DomainError malformed = MalformedJson.describe(input);
            return malformed != null ? malformed : inputError(input);
        }
        if (failure instanceof ResponseStatusException status) {
            return statusError(status);
        }
        if (DatabaseOutage.causes(failure)) {
            return new DomainError(ErrorCode.UNAVAILABLE.code(),
                    "the database cannot be reached; nothing was changed, try again shortly", Map.of());
        }
        if (CommandRouteOutage.causes(failure)) {
            return new DomainError(ErrorCode.UNAVAILABLE.code(), "the command could not be confirmed: its handler "
                    + "could not be reached or went away before answering; send it again shortly (a create with "
                    + "the same id is answered with what it made, not made twice)", Map.of());
        }
        return new DomainError(ErrorCode.INTERNAL_ERROR.code(), "an internal error occurred", Map.of());
    }

    private static boolean causedByBodyLimit(Throwable failure) {
        return Causes.find(failure, DataBufferLimitException.class).isPresent();
    }

    /** The framework's reason, unless it is about a missing body: that one names the handler method. */
    private static DomainError inputError(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        if (input.getCause() instanceof DecodingException decoding && decoding.getCause() == null
                && parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
            return new DomainError(ErrorCode.VALIDATION_FAILED.code(), "the request body is missing",
                    Map.of("body", "missing"));
        }
        String reason = input.getReason();
        return new DomainError(ErrorCode.VALIDATION_FAILED.code(), reason == null ? "the request is not valid" : reason,
                Map.of());
    }

    private static DomainError statusError(ResponseStatusException status) {
        int code = status.getStatusCode().value();
        if (code == HttpStatus.NOT_FOUND.value()) {
            return new DomainError(ErrorCode.NOT_FOUND.code(), "no such resource", Map.of());
        }
        if (status instanceof MethodNotAllowedException notAllowed) {
            List<String> allowed = notAllowed.getSupportedMethods().stream().map(HttpMethod::name).sorted().toList();
            return new DomainError(ErrorCode.METHOD_NOT_ALLOWED.code(), notAllowed.getHttpMethod()
                    + " is not served on this path; it takes " + String.join(", ", allowed),
                    Map.of("allowed", allowed));
        }
        if (code == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE.code(), "the request body is too large", Map.of());
        }
        if (code == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
            return new DomainError(ErrorCode.VALIDATION_FAILED.code(),
                    "the request body must be JSON, sent with Content-Type: application/json",
                    Map.of("header", "Content-Type", "status", code));
        }
        if (code >= 400 && code < 500) {
            // The framework's reasons can name the handler's parameter types, so only the status is told.
            HttpStatus known = HttpStatus.resolve(code);
            String reason = known == null ? "the request is not valid"
                    : known.getReasonPhrase().toLowerCase(Locale.ROOT);
            return new DomainError(ErrorCode.VALIDATION_FAILED.code(), reason, Map.of("status", code));
        }
        return new DomainError(ErrorCode.INTERNAL_ERROR.code(), "an internal error occurred", Map.of());
    }
}
