package io.waybill.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal API token. A request without the header
 * stays anonymous (and is refused where a role is needed); a malformed header or an unknown, revoked or expired
 * token is refused at once, each with its own message.
 */
final class BearerTokens implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9._~+/=-]{1,4096})");
    private final AccessDirectory directory;
    private final Clock clock;

    BearerTokens(AccessDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** A token as sent, not yet checked. */
    static final class Presented extends AbstractAuthenticationToken {

        private final String secret;

        Presented(String secret) {
            super(List.of());
            this.secret = secret;
        }

        @Override
        public Object getCredentials() {
            return secret;
        }

        @Override
        public Object getPrincipal() {
            return "bearer";
        }
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Mono.empty();
        }
        var matcher = BEARER.matcher(header.strip());
        if (!matcher.matches()) {
            return Mono.error(new BadCredentialsException("the Authorization header must be \"Bearer <token>\""));
        }
        return Mono.just(new Presented(matcher.group(1)));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof Presented presented)) {
            return Mono.empty();
        }
        return directory.token(TokenSecrets.hash(presented.secret))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("the token is not valid")))
                .map(this::caller);
    }

    private Authentication caller(AccessDirectory.TokenRecord token) {
        if (token.revokedAt() != null) {
            throw new BadCredentialsException("the token has been revoked");
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(clock.instant())) {
            throw new BadCredentialsException("the token expired at " + token.expiresAt());
        }
        if (token.role() == null || token.orgDeleted()) {
            throw new BadCredentialsException("the token's user is no longer a member of its organisation");
        }
        return new CallerAuthentication(new Caller(token.userId(), token.tokenId(), token.orgId(), token.role()));
    }
}
