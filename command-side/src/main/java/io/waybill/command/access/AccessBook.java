package io.waybill.command.access;

import io.waybill.api.DomainException;
import io.waybill.api.access.OrganisationDetails;
import io.waybill.api.access.OrganisationView;
import io.waybill.api.access.Role;
import io.waybill.command.support.CarriedTable;
import io.waybill.command.support.CarriedWrites;
import io.waybill.platform.security.AccessChanges;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The access tables (V8): organisations, users, memberships and token hashes. The access aggregates write them in
 * the transaction that stores their events, so every process authenticates against the state the last committed
 * command left; each write but a user's is carried by the command's first event too ({@link AccessTables}), so
 * the tables can be derived from the events. Users' e-mails and names live only here, never in events.
 */
@Component
public class AccessBook {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessChanges changes;
    private final CarriedTable organisations;
    private final CarriedTable memberships;
    private final CarriedTable tokens;

    /** A book whose writes no event carries (tests of the access aggregates, which store no events). */
    AccessBook(JdbcTemplate jdbc, Clock clock, AccessChanges changes) {
        this(jdbc, clock, changes, AccessTables.organisations(jdbc, CarriedWrites.none(), clock),
                AccessTables.memberships(jdbc, CarriedWrites.none(), clock),
                AccessTables.tokens(jdbc, CarriedWrites.none(), clock));
    }

    @Autowired
    AccessBook(JdbcTemplate jdbc, Clock clock, AccessChanges changes, CarriedTable organisations,
               CarriedTable memberships, CarriedTable tokens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
        this.organisations = organisations;
        this.memberships = memberships;
        this.tokens = tokens;
    }

    void createOrganisation(String orgId, OrganisationDetails d) {
        OffsetDateTime now = now();
        Map<String, Object> row = details(d, requireFreeSlug(orgId, d.slug()), now);
        row.put("org_id", orgId);
        row.put("deleted", false);
        row.put("created_at", now);
        try {
            organisations.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent request took the organisation's id or slug", e);
        }
        changed();
    }

    void updateOrganisation(String orgId, OrganisationDetails d) {
        Map<String, Object> row = lockedOrganisation(orgId);
        try {
            organisations.update(row, details(d, requireFreeSlug(orgId, d.slug()), now()));
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent request took the slug", e);
        }
        changed();
    }

    private static Map<String, Object> details(OrganisationDetails d, String slug, OffsetDateTime now) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", d.name());
        row.put("slug", slug);
        row.put("legal_name", d.legalName());
        row.put("address", d.address());
        row.put("city", d.city());
        row.put("state", d.state());
        row.put("country", d.country());
        row.put("zip_code", d.zipCode());
        row.put("logo_url", d.logoUrl());
        row.put("contact_email", d.contactEmail());
        row.put("contact_phone", d.contactPhone());
        row.put("require_po_approval", d.approvalRequired());
        row.put("updated_at", now);
        return row;
    }

    /** Frees the slug; the id stays taken, as its history does. */
    void deleteOrganisation(String orgId) {
        OffsetDateTime now = now();
        Map<String, Object> deleted = new HashMap<>();
        deleted.put("deleted", true);
        deleted.put("slug", null);
        deleted.put("updated_at", now);
        organisations.update(lockedOrganisation(orgId), deleted);
        revoke(tokens.lockWhere("org_id = ? AND revoked_at IS NULL", orgId), now);
        changed();
    }

    /**
     * The organisation's row, locked. A row missing where the aggregate has the organisation is a write lost beside
     * its events, which the side-tables processor makes again: until then the organisation is not found here.
     */
    private Map<String, Object> lockedOrganisation(String orgId) {
        return organisations.lock(orgId).orElseThrow(() -> DomainException.notFound("organisation", orgId));
    }

    private Map<String, Object> lockedMembership(String orgId, String userId) {
        return memberships.lock(orgId, userId).orElseThrow(() -> DomainException.notFound("member", userId));
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
            jdbc.update("INSERT INTO access_user (user_id, email, display_name, created_at) VALUES (?,?,?,?)",
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
                        + "ON o.org_id = m.org_id AND NOT o.deleted WHERE m.org_id = ? AND m.user_id = ? "
                        + "AND m.role IS NOT NULL",
                String.class, orgId, userId).stream().findFirst().map(Role::fromCode);
    }

    void addMember(String orgId, String userId, Role role) {
        Optional<Map<String, Object>> left = memberships.lock(orgId, userId);
        try {
            if (left.isPresent()) {
                memberships.update(left.get(), Map.of("role", role.code(), "joined_at", now()));
            } else {
                memberships.insert(Map.of("org_id", orgId, "user_id", userId, "role", role.code(), "joined_at",
                        now()));
            }
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent request added the same member", e);
        }
        changed();
    }

    void changeRole(String orgId, String userId, Role role) {
        memberships.update(lockedMembership(orgId, userId), Map.of("role", role.code()));
        changed();
    }

    /** Ends the membership (its row stays, without a role) and revokes the user's tokens for the organisation. */
    void removeMember(String orgId, String userId) {
        Map<String, Object> noRole = new HashMap<>();
        noRole.put("role", null);
        memberships.update(lockedMembership(orgId, userId), noRole);
        revoke(tokens.lockWhere("org_id = ? AND user_id = ? AND revoked_at IS NULL", orgId, userId), now());
        changed();
    }

    void addToken(String tokenId, String secretHash, String userId, String orgId, String name, Instant expiresAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("token_id", tokenId);
        row.put("secret_hash", secretHash);
        row.put("user_id", userId);
        row.put("org_id", orgId);
        row.put("name", name);
        row.put("created_at", now());
        row.put("expires_at", expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC));
        try {
            tokens.insert(row);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("token id " + tokenId + " is already in use", Map.of("id", tokenId));
        }
        changed();
    }

    void revokeToken(String tokenId) {
        revoke(tokens.lockWhere("token_id = ? AND revoked_at IS NULL", tokenId), now());
        changed();
    }

    private void revoke(List<Map<String, Object>> live, OffsetDateTime now) {
        live.forEach(token -> tokens.update(token, Map.of("revoked_at", now)));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /**
     * Once the command's transaction commits, this process stops using the tokens it read before (other processes
     * hear of it from PostgreSQL), before the command's answer leaves.
     */
    private void changed() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> changes.changed());
        } else {
            changes.changed();
        }
    }
}
