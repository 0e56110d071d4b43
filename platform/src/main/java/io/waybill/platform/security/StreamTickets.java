package io.waybill.platform.security;

import io.waybill.api.access.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Tickets for event streams a browser opens with {@code EventSource}, which cannot send {@code Authorization}: a
 * caller asks for one naming a stream path, and the ticket opens that one stream, once, within a minute, as that
 * caller, as long as the access it came from still stands (a revoked token's ticket is refused). Tickets are random
 * (256 bits), kept only as their hash, and shared by every process through the access tables' database, so one
 * process may issue a ticket that another redeems. A long-lived token never has to travel in a URL.
 */
@Component
public class StreamTickets {

    /** How long a ticket waits to be used. */
    public static final Duration LIFETIME = Duration.ofMinutes(1);
    private static final String PREFIX = "wbs_";
    private final DatabaseClient db;
    private final AccessDirectory directory;
    private final Clock clock;

    StreamTickets(DatabaseClient db, AccessDirectory directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    /** A ticket as issued: the secret to put in {@code ?ticket=}, the path it opens, until when. */
    public record Issued(String ticket, String path, Instant expiresAt) {
    }

    /** Issues a ticket for the caller's stream at {@code path}, and forgets the tickets that expired unused. */
    public Mono<Issued> issue(Caller caller, String path) {
        Instant now = clock.instant();
        String ticket = PREFIX + TokenSecrets.newSecret().substring(TokenSecrets.PREFIX.length());
        Instant expires = now.plus(LIFETIME);
        return db.sql("DELETE FROM stream_ticket WHERE expires_at < :now").bind("now", at(now)).fetch().rowsUpdated()
                .then(db.sql("INSERT INTO stream_ticket (ticket_hash, path, org_id, user_id, token_id, role, "
                                + "expires_at) VALUES (:hash, :path, :org, :user, :token, :role, :expires)")
                        .bind("hash", TokenSecrets.hash(ticket))
                        .bind("path", path)
                        .bind("org", caller.orgId())
                        .bind("user", caller.userId())
                        .bind("token", caller.tokenId() == null ? "" : caller.tokenId())
                        .bind("role", caller.role().code())
                        .bind("expires", at(expires))
                        .fetch().rowsUpdated())
                .thenReturn(new Issued(ticket, path, expires));
    }

    /** Whether the value looks like a ticket (else it is not one, and no lookup is made). */
    static boolean looksLikeOne(String value) {
        return value.startsWith(PREFIX) && value.length() < 100;
    }

    /**
     * The caller a ticket stands for, used up by this request for {@code path}: refused (as bad credentials) when it
     * is unknown, used, expired, for another path, or when the access it came from has ended.
     */
    Mono<Caller> redeem(String ticket, String path) {
        String hash = TokenSecrets.hash(ticket);
        Instant now = clock.instant();
        return db.sql("SELECT path, org_id, user_id, token_id, role, expires_at FROM stream_ticket "
                        + "WHERE ticket_hash = :hash")
                .bind("hash", hash)
                .map((row, meta) -> new Held(row.get("path", String.class), row.get("org_id", String.class),
                        row.get("user_id", String.class), row.get("token_id", String.class),
                        Role.fromCode(row.get("role", String.class)),
                        row.get("expires_at", OffsetDateTime.class).toInstant()))
                .one()
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("the stream ticket is not valid (each "
                        + "opens one stream, once)")))
                .flatMap(held -> {
                    if (!held.path().equals(path)) {
                        return Mono.error(new BadCredentialsException("the stream ticket is for " + held.path()));
                    }
                    return db.sql("DELETE FROM stream_ticket WHERE ticket_hash = :hash").bind("hash", hash).fetch()
                            .rowsUpdated()
                            .flatMap(deleted -> deleted == 0
                                    ? Mono.error(new BadCredentialsException("the stream ticket was used already"))
                                    : held.expiresAt().isAfter(now) ? Mono.just(held)
                                    : Mono.error(new BadCredentialsException("the stream ticket expired at "
                                            + held.expiresAt())));
                })
                .flatMap(held -> directory.stillAllowed(held.tokenId(), held.userId(), held.orgId(), now)
                        .flatMap(allowed -> allowed ? Mono.just(new Caller(held.userId(), held.tokenId(),
                                held.orgId(), held.role()))
                                : Mono.error(new BadCredentialsException("the access the stream ticket came from "
                                        + "has ended"))));
    }

    private record Held(String path, String orgId, String userId, String tokenId, Role role, Instant expiresAt) {

        Held {
            tokenId = tokenId == null || tokenId.isEmpty() ? null : tokenId;
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
