package io.waybill.command.access;

import io.r2dbc.h2.H2ConnectionFactory;
import io.waybill.api.access.MemberAdded;
import io.waybill.api.access.OrganisationCreated;
import io.waybill.api.access.OrganisationDetails;
import io.waybill.api.access.Role;
import io.waybill.platform.persistence.DatabaseNotifications;
import io.waybill.platform.security.AccessChanges;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The real access book on a private in-memory H2 database with the production access tables (V8), and the rows
 * that events given to a fixture stand for: a fixture replays events, but only command handlers write the tables.
 */
final class AccessTestDatabase {

    /** The time the book writes into the tables. */
    static final Instant NOW = Instant.parse("2026-05-10T09:00:00Z");
    final JdbcTemplate jdbc;
    final AccessBook book;

    AccessTestDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:access-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V8__access.sql"),
                new ClassPathResource("db/migration/V15__purchase_order_approval_setting.sql"),
                new ClassPathResource("db/migration/V27__access_writes_carried_by_events.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        book = new AccessBook(jdbc, Clock.fixed(NOW, ZoneOffset.UTC),
                new AccessChanges(new DatabaseNotifications(H2ConnectionFactory.inMemory("access-changes"))));
    }

    static OrganisationDetails details(String name, String slug) {
        return new OrganisationDetails(name, slug, null, null, null, null, null, null, null, null, null, null);
    }

    /** A user registered by e-mail, as the member endpoint does before it adds one. */
    String user(String name) {
        return book.userFor(name + "@example.com", name);
    }

    /** An organisation with these members, in the tables and as the events that made it. */
    List<Object> existing(String orgId, OrganisationDetails details, Map<String, Role> members) {
        book.createOrganisation(orgId, details);
        List<Object> events = new ArrayList<>(List.of(new OrganisationCreated(orgId, details)));
        members.forEach((userId, role) -> {
            book.addMember(orgId, userId, role);
            events.add(new MemberAdded(orgId, userId, role));
        });
        return events;
    }

    /** A live token of the user for the organisation, as an issued one is stored. */
    void token(String tokenId, String userId, String orgId) {
        book.addToken(tokenId, "hash-of-" + tokenId, userId, orgId, "laptop", null);
    }

    Instant revokedAt(String tokenId) {
        OffsetDateTime at = jdbc.queryForObject("SELECT revoked_at FROM access_token WHERE token_id = ?",
                OffsetDateTime.class, tokenId);
        return at == null ? null : at.toInstant();
    }

    /** The members of the organisation in the tables, with their roles' codes. */
    Map<String, String> members(String orgId) {
        Map<String, String> members = new TreeMap<>();
        jdbc.query("SELECT user_id, role FROM access_membership WHERE org_id = ? AND role IS NOT NULL",
                rs -> {
                    members.put(rs.getString("user_id"), rs.getString("role"));
                }, orgId);
        return members;
    }

    Map<String, Object> organisationRow(String orgId) {
        return jdbc.queryForMap("SELECT * FROM access_organisation WHERE org_id = ?", orgId);
    }

    int organisationCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_organisation", Integer.class);
    }

    Map<String, Object> tokenRow(String tokenId) {
        return jdbc.queryForMap("SELECT * FROM access_token WHERE token_id = ?", tokenId);
    }

    int tokenCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_token", Integer.class);
    }
}
