package io.waybill.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.platform.web.ApiErrorHandler;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * A token bucket per caller (per token, or per user for an identity provider's JWT): {@code rate} requests per
 * second on average, bursts up to {@code burst}. Past that a request is answered {@code 429 rate_limited} with
 * {@code Retry-After}. Each process counts for itself. A rate of 0 turns it off. Not a bean: it runs inside the
 * security chain, after authentication, and nowhere else.
 * <p>
 * The buckets are Bucket4j's; a caller's bucket is forgotten once it has been idle for as long as a bucket takes to
 * fill up again, when a new one would be the same, so callers that come and go do not accumulate.
 */
class RateLimit implements WebFilter {

    private final double rate;
    private final long burst;
    private final ApiErrorHandler errors;
    private final Cache<String, Bucket> buckets;

    RateLimit(double rate, int burst, ApiErrorHandler errors) {
        if (rate < 0 || burst < 0) {
            throw new IllegalArgumentException("waybill.security.rate-limit values must not be negative");
        }
        this.rate = rate;
        this.burst = (long) Math.max(burst, Math.max(1, Math.ceil(rate)));
        this.errors = errors;
        Duration refillsFully = rate == 0 ? Duration.ZERO : Duration.ofSeconds((long) Math.ceil(this.burst / rate));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refillsFully.plusSeconds(1)).build();
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
                .map(key -> waitSeconds(buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1)))
                .defaultIfEmpty(0L)
                .flatMap(waitSeconds -> waitSeconds == 0 ? chain.filter(exchange) : refuse(exchange, waitSeconds));
    }

    /** A full bucket that gains one request every {@code 1 / rate} seconds, evenly. */
    private Bucket newBucket() {
        Duration perRequest = Duration.ofNanos(Math.max(1, Math.round(1e9 / rate)));
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(1, perRequest))
                .build();
    }

    /** 0 when the request may go; else the whole seconds until the bucket holds one again. */
    private static long waitSeconds(ConsumptionProbe probe) {
        return probe.isConsumed() ? 0 : Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long waitSeconds) {
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(waitSeconds));
        return errors.handle(exchange, new DomainException(ErrorCode.RATE_LIMITED,
                "too many requests with this token; retry in " + waitSeconds + " s",
                Map.of("retryAfterSeconds", waitSeconds)));
    }
}
