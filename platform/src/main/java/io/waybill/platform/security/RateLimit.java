package io.waybill.platform.security;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.platform.web.ApiErrorHandler;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (per token, or per user for an identity provider's JWT): {@code rate} requests per
 * second on average, bursts up to {@code burst}. Past that a request is answered {@code 429 rate_limited} with
 * {@code Retry-After}. Each process counts for itself. A rate of 0 turns it off. Not a bean: it runs inside the
 * security chain, after authentication, and nowhere else.
 */
class RateLimit implements WebFilter {

    private final double rate;
    private final double burst;
    private final ApiErrorHandler errors;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(double rate, int burst, ApiErrorHandler errors) {
        if (rate < 0 || burst < 0) {
            throw new IllegalArgumentException("waybill.security.rate-limit values must not be negative");
        }
        this.rate = rate;
        this.burst = Math.max(burst, Math.max(1, Math.ceil(rate)));
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (rate == 0) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof CallerAuthentication auth
                        ? auth.caller() : null)
                .map(caller -> caller.tokenId() != null ? caller.tokenId() : "user:" + caller.userId())
                .map(key -> buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(rate, burst, System.nanoTime()))
                .defaultIfEmpty(0L)
                .flatMap(waitSeconds -> waitSeconds == 0 ? chain.filter(exchange) : refuse(exchange, waitSeconds));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long waitSeconds) {
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(waitSeconds));
        return errors.handle(exchange, new DomainException(ErrorCode.RATE_LIMITED,
                "too many requests with this token; retry in " + waitSeconds + " s",
                Map.of("retryAfterSeconds", waitSeconds)));
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        /** Takes one token: 0 when granted, else the whole seconds until one is there. */
        synchronized long take(double rate, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * rate);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        }
    }
}
