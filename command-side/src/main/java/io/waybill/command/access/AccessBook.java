package io.waybill.command.access;

import io.waybill.api.DomainException;
import io.waybill.api.access.OrganisationDetails;
import io.waybill.api.access.OrganisationView;
import io.waybill.api.access.Role;
import io.waybill.platform.security.AccessChanges;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The access tables (V8): organisations, users, memberships and token hashes. The access aggregates write them in
 * the transaction that stores their events, so every process authenticates against the state the last committed
 * command left. Users' e-mails and names live only here, never in events.
 */
@Component
public class AccessBook {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessChanges changes;

    public AccessBook(JdbcTemplate jdbc, Clock clock, AccessChanges changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    void createOrganisation(String orgId, OrganisationDetails d) {
        OffsetDateTime now = now();
        try {
            update("INSERT INTO access_organisation (org_id, name, slug, legal_name, address, city, state, "
                            + "country, zip_code, logo_url, contact_email, contact_phone, require_po_approval, "
                            + "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    orgId, d.name(), requireFreeSlug(orgId, d.slug()), d.legalName(), d.address(), d.city(),
                    d.state(), d.country(), d.zipCode(), d.logoUrl(), d.contactEmail(), d.contactPhone(),
                    d.approvalRequired(), now, now);
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent request took the organisation's id or slug", e);
        }
    }

    void updateOrganisation(String orgId, OrganisationDetails d) {
        try {
            update("UPDATE access_organisation SET name = ?, slug = ?, legal_name = ?, address = ?, city = ?, "
                            + "state = ?, country = ?, zip_code = ?, logo_url = ?, contact_email = ?, "
                            + "contact_phone = ?, require_po_approval = ?, updated_at = ? WHERE org_id = ?",
                    d.name(), requireFreeSlug(orgId, d.slug()), d.legalName(), d.address(), d.city(), d.state(),
                    d.country(), d.zipCode(), d.logoUrl(), d.contactEmail(), d.contactPhone(), d.approvalRequired(),
                    now(), orgId);
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent request took the slug", e);
        }
    }

    /** Frees the slug; the id stays taken, as its history does. */
    void deleteOrganisation(String orgId) {
        update("UPDATE access_organisation SET deleted = TRUE, slug = NULL, updated_at = ? WHERE org_id = ?",
                now(), orgId);
        update("UPDATE access_token SET revoked_at = ? WHERE org_id = ? AND revoked_at IS NULL", now(), orgId);
    }

    private String requireFreeSlug(String orgId, String slug) {
        if (slugTaken(slug, orgId)) {
            throw DomainException.conflict("slug " + slug + " is already taken", Map.of("field", "slug"));
        }
        return slug;
    }

    /** Whether an organisation other than {@code orgId} (null: any) has the slug. */
    boolean slugTaken(String slug, String orgId) {
        Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM access_organisation WHERE slug = ? AND org_id <> ?",
                Integer.class, slug, orgId == null ? "" : orgId);
        return taken != null && taken > 0;
    }

    boolean hasOrganisations() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM access_organisation", Integer.class);
        return count != null && count > 0;
    }

    /** The organisation of the token with this secret hash, or null when there is no such token. */
    String organisationOfToken(String secretHash) {
        return jdbc.queryForList("SELECT org_id FROM access_token WHERE secret_hash = ?", String.class, secretHash)
                .stream().findFirst().orElse(null);
    }

    /** Whether the organisation asks that its purchase orders be approved before they are placed. */
    public boolean requiresPurchaseOrderApproval(String orgId) {
        return jdbc.queryForList("SELECT require_po_approval FROM access_organisation WHERE org_id = ?",
                Boolean.class, orgId).stream().anyMatch(Boolean.TRUE::equals);
    }

    public OrganisationView organisation(String orgId) {
        return jdbc.queryForObject("SELECT * FROM access_organisation WHERE org_id = ?", (rs, n) ->
                new OrganisationView(rs.getString("org_id"), rs.getString("name"), rs.getString("slug"),
                        rs.getString("legal_name"), rs.getString("address"), rs.getString("city"),
                        rs.getString("state"), rs.getString("country"), rs.getString("zip_code"),
                        rs.getString("logo_url"), rs.getString("contact_email"), rs.getString("contact_phone"),
                        rs.getBoolean("require_po_approval"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()), orgId);
    }

    /** The id of the user with this e-mail, registering a new user if there is none. */
    public String userFor(String email, String displayName) {
        Optional<String> known = userByEmail(email);
        if (known.isPresent()) {
            return known.get();
        }
        String userId = UUID.randomUUID().toString();
        try {
            update("INSERT INTO access_user (user_id, email, display_name, created_at) VALUES (?,?,?,?)",
                    userId, email, displayName, now());
        } catch (DuplicateKeyException e) {
            return userByEmail(email).orElseThrow(() -> e);
        }
        return userId;
    }

    public Optional<String> userByEmail(String email) {
        return jdbc.queryForList("SELECT user_id FROM access_user WHERE email = ?", String.class, email).stream()
                .findFirst();
    }

    public Optional<Role> roleOf(String orgId, String userId) {
        return jdbc.queryForList("SELECT m.role FROM access_membership m JOIN access_organisation o "
                        + "ON o.org_id = m.org_id AND NOT o.deleted WHERE m.org_id = ? AND m.user_id = ?",
                String.class, orgId, userId).stream().findFirst().map(Role::fromCode);
    }

    void addMember(String orgId, String userId, Role role) {
        try {
            update("INSERT INTO access_membership (org_id, user_id, role, joined_at) VALUES (?,?,?,?)",
                    orgId, userId, role.code(), now());
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent request added the same member", e);
        }
    }

    void changeRole(String orgId, String userId, Role role) {
        update("UPDATE access_membership SET role = ? WHERE org_id = ? AND user_id = ?", role.code(), orgId,
                userId);
    }

    /** Removes the membership and revokes the user's tokens for the organisation with it. */
    void removeMember(String orgId, String userId) {
        update("DELETE FROM access_membership WHERE org_id = ? AND user_id = ?", orgId, userId);
        update("UPDATE access_token SET revoked_at = ? WHERE org_id = ? AND user_id = ? AND revoked_at IS NULL",
                now(), orgId, userId);
    }

    void addToken(String tokenId, String secretHash, String userId, String orgId, String name, Instant expiresAt) {
        try {
            update("INSERT INTO access_token (token_id, secret_hash, user_id, org_id, name, created_at, "
                            + "expires_at) VALUES (?,?,?,?,?,?,?)", tokenId, secretHash, userId, orgId, name, now(),
                    expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("token id " + tokenId + " is already in use", Map.of("id", tokenId));
        }
    }

    void revokeToken(String tokenId) {
        update("UPDATE access_token SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL", now(),
                tokenId);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /**
     * Writes the access tables; once the command's transaction commits, this process stops using the tokens it
     * read before (other processes hear of it from PostgreSQL), before the command's answer leaves.
     */
    private void update(String sql, Object... arguments) {
        jdbc.update(sql, arguments);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> changes.changed());
        } else {
            changes.changed();
        }
    }
}
