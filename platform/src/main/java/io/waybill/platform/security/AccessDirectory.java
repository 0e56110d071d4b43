package io.waybill.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.api.access.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads the access tables. A token found by its secret is kept until the access tables change ({@link
 * AccessChanges}: a notification from PostgreSQL to every process, at the commit of the change), and for at most
 * {@link #KEPT_AT_MOST} whatever happens: so a request costs no database read while nothing changes, and a revoked
 * token or a removed member is still refused on the next request, whichever process serves it. Expiry is judged
 * on every request against the clock. Nothing is kept while the changes are not being heard, nor on the embedded
 * database, nor for a secret that matches no token.
 */
@Component
public class AccessDirectory {

    /** The longest a token read is used, even should a notification of a change be lost. */
    static final Duration KEPT_AT_MOST = Duration.ofSeconds(10);

    private final DatabaseClient db;
    private final AccessChanges changes;
    private final Cache<String, Kept> tokens = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(KEPT_AT_MOST).build();

    AccessDirectory(DatabaseClient db, AccessChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    private record Kept(TokenRecord token, long generation) {
    }

    /** What is known of a token, found by the hash of its secret. */
    public record TokenRecord(String tokenId, String userId, String orgId, Instant expiresAt, Instant revokedAt,
                              Role role, boolean orgDeleted) {
    }

    public Mono<TokenRecord> token(String secretHash) {
        if (!changes.listening()) {
            return read(secretHash);
        }
        long generation = changes.generation();
        Kept kept = tokens.getIfPresent(secretHash);
        if (kept != null && kept.generation() == generation) {
            return Mono.just(kept.token());
        }
        return read(secretHash).doOnNext(token -> {
            // not when the tables changed since the read began: it may have seen the older state
            if (changes.listening() && changes.generation() == generation) {
                tokens.put(secretHash, new Kept(token, generation));
            }
        });
    }

    private Mono<TokenRecord> read(String secretHash) {
        return db.sql("SELECT t.token_id, t.user_id, t.org_id, t.expires_at, t.revoked_at, m.role, o.deleted "
                        + "FROM access_token t "
                        + "LEFT JOIN access_membership m ON m.org_id = t.org_id AND m.user_id = t.user_id "
                        + "LEFT JOIN access_organisation o ON o.org_id = t.org_id "
                        + "WHERE t.secret_hash = :hash")
                .bind("hash", secretHash)
                .map((row, meta) -> new TokenRecord(row.get("token_id", String.class), row.get("user_id", String.class),
                        row.get("org_id", String.class), instant(row.get("expires_at", OffsetDateTime.class)),
                        instant(row.get("revoked_at", OffsetDateTime.class)),
                        Role.fromCode(row.get("role", String.class)),
                        Boolean.TRUE.equals(row.get("deleted", Boolean.class))))
                .one();
    }

    /**
     * Whether a caller may still read the organisation: the token it used (when it used one) neither revoked nor
     * expired, its user still a member, the organisation not deleted. A caller without a token (an identity
     * provider's JWT) is judged by its membership.
     */
    public Mono<Boolean> stillAllowed(String tokenId, String userId, String orgId, Instant now) {
        String sql = tokenId != null
                ? "SELECT t.expires_at, t.revoked_at, m.role, o.deleted FROM access_token t "
                        + "LEFT JOIN access_membership m ON m.org_id = t.org_id AND m.user_id = t.user_id "
                        + "LEFT JOIN access_organisation o ON o.org_id = t.org_id "
                        + "WHERE t.token_id = :key AND t.org_id = :org"
                : "SELECT CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS expires_at, "
                        + "CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS revoked_at, m.role, o.deleted "
                        + "FROM access_membership m JOIN access_organisation o ON o.org_id = m.org_id "
                        + "WHERE m.user_id = :key AND m.org_id = :org";
        return db.sql(sql)
                .bind("key", tokenId != null ? tokenId : userId == null ? "" : userId)
                .bind("org", orgId == null ? "" : orgId)
                .map((row, meta) -> {
                    Instant expires = instant(row.get("expires_at", OffsetDateTime.class));
                    return row.get("revoked_at", OffsetDateTime.class) == null
                            && (expires == null || expires.isAfter(now)) && row.get("role", String.class) != null
                            && !Boolean.TRUE.equals(row.get("deleted", Boolean.class));
                })
                .one()
                .defaultIfEmpty(false);
    }

    /** A user found by e-mail, with their role in the organisation (null when they are not a member there). */
    public record Member(String userId, Role role) {
    }

    public Mono<Member> member(String email, String orgId) {
        return db.sql("SELECT u.user_id, CASE WHEN o.deleted THEN NULL ELSE m.role END AS role FROM access_user u "
                        + "LEFT JOIN access_membership m ON m.user_id = u.user_id AND m.org_id = :org "
                        + "LEFT JOIN access_organisation o ON o.org_id = m.org_id "
                        + "WHERE u.email = :email")
                .bind("org", orgId == null ? "" : orgId)
                .bind("email", email)
                .map((row, meta) -> new Member(row.get("user_id", String.class),
                        Role.fromCode(row.get("role", String.class))))
                .one();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
