package io.waybill.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import io.waybill.api.access.Role;
import io.waybill.platform.web.RequestContextResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Authenticates {@code Authorization: Bearer <token>}: a personal API token, or, when the operator configured an
 * identity provider, its JWT; or, on a {@code GET} without that header, a stream ticket in {@code ?ticket=}
 * ({@link StreamTickets}). A request with neither stays anonymous (and is refused where a role is needed); a
 * malformed header or an unknown, revoked or expired token or ticket is refused at once, each with its own message.
 */
final class BearerTokens implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

    /**
     * The scheme in any case, as RFC 9110 has it: spelled out rather than {@code (?i)}, which would fold the case of
     * every character of the token too, though its class has both cases already (1.3 % of the command side's CPU
     * samples under W1 went to that folding).
     */
    private static final Pattern BEARER = Pattern.compile("[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9._~+/=-]{1,8192})");
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private final AccessDirectory directory;
    private final Clock clock;
    private final ReactiveJwtDecoder jwtDecoder;
    private final String emailClaim;
    private final StreamTickets tickets;

    /** {@code jwtDecoder} is null when no identity provider is configured: then only API tokens are accepted. */
    BearerTokens(AccessDirectory directory, Clock clock, ReactiveJwtDecoder jwtDecoder, String emailClaim,
                 StreamTickets tickets) {
        this.directory = directory;
        this.clock = clock;
        this.jwtDecoder = jwtDecoder;
        this.emailClaim = emailClaim;
        this.tickets = tickets;
    }

    /** A stream ticket as sent, for the path it was sent to. */
    static final class Ticket extends AbstractAuthenticationToken {

        private final String ticket;
        private final String path;

        Ticket(String ticket, String path) {
            super(List.of());
            this.ticket = ticket;
            this.path = path;
        }

        @Override
        public Object getCredentials() {
            return ticket;
        }

        @Override
        public Object getPrincipal() {
            return "ticket";
        }
    }

    /** A token as sent, not yet checked, with the organisation the request names. */
    static final class Presented extends AbstractAuthenticationToken {

        private final String secret;
        private final String orgId;

        Presented(String secret, String orgId) {
            super(List.of());
            this.secret = secret;
            this.orgId = orgId;
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
            String ticket = exchange.getRequest().getQueryParams().getFirst("ticket");
            if (ticket == null || exchange.getRequest().getMethod() != HttpMethod.GET) {
                return Mono.empty();
            }
            return StreamTickets.looksLikeOne(ticket)
                    ? Mono.just(new Ticket(ticket, exchange.getRequest().getPath().value()))
                    : Mono.error(new BadCredentialsException("the stream ticket is not valid (each opens one "
                            + "stream, once)"));
        }
        var matcher = BEARER.matcher(header.strip());
        if (!matcher.matches()) {
            return Mono.error(new BadCredentialsException("the Authorization header must be \"Bearer <token>\""));
        }
        return Mono.just(new Presented(matcher.group(1),
                exchange.getRequest().getHeaders().getFirst(RequestContextResolver.ORG_HEADER)));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (authentication instanceof Ticket ticket) {
            return tickets.redeem(ticket.ticket, ticket.path).map(CallerAuthentication::byTicket);
        }
        if (!(authentication instanceof Presented presented)) {
            return Mono.empty();
        }
        if (jwtDecoder != null && JWT.matcher(presented.secret).matches()) {
            return jwt(presented);
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

    /**
     * An identity provider's JWT names a user by e-mail (the one an admin added them with) and may act for any
     * organisation that user belongs to; for one they do not belong to, the caller has no organisation and is
     * refused as forbidden.
     */
    private Mono<Authentication> jwt(Presented presented) {
        return jwtDecoder.decode(presented.secret)
                .onErrorMap(JwtException.class, e -> new BadCredentialsException("the JWT is not valid: "
                        + e.getMessage()))
                .flatMap(jwt -> {
                    String email = jwt.getClaimAsString(emailClaim);
                    if (email == null || email.isBlank()) {
                        return Mono.error(new BadCredentialsException("the JWT has no " + emailClaim + " claim"));
                    }
                    return directory.member(email.strip().toLowerCase(Locale.ROOT), presented.orgId)
                            .switchIfEmpty(Mono.error(() -> new BadCredentialsException(
                                    "no Waybill user has the JWT's e-mail; an admin adds members by e-mail")));
                })
                .map(member -> new CallerAuthentication(new Caller(member.userId(), null,
                        member.role() == null ? null : presented.orgId, member.role() == null ? Role.VIEWER
                        : member.role())));
    }
}
