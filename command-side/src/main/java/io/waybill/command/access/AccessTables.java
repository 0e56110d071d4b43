package io.waybill.command.access;

import io.waybill.command.support.CarriedTable;
import io.waybill.command.support.CarriedTable.Column;
import io.waybill.command.support.CarriedWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;

import static io.waybill.command.support.CarriedTable.Column.flag;
import static io.waybill.command.support.CarriedTable.Column.text;
import static io.waybill.command.support.CarriedTable.Column.time;

/**
 * The access tables the events carry (V8, V27): organisations, memberships, tokens. The users are not among them:
 * an e-mail and a name are personal data, kept out of the event store so that they can be erased; a user's row is
 * written on its own, before any event names the user, and is backed up with the database.
 */
@Configuration(proxyBeanMethods = false)
class AccessTables {

    static final List<Column> ORGANISATION = List.of(text("name"), text("slug"), text("legal_name"), text("address"),
            text("city"), text("state"), text("country"), text("zip_code"), text("logo_url"), text("contact_email"),
            text("contact_phone"), flag("require_po_approval"), flag("deleted"), time("created_at"),
            time("updated_at"));
    static final List<Column> MEMBERSHIP = List.of(text("role"), time("joined_at"));
    static final List<Column> TOKEN = List.of(text("secret_hash"), text("user_id"), text("org_id"), text("name"),
            time("created_at"), time("expires_at"), time("revoked_at"));

    @Bean
    static CarriedTable organisations(JdbcTemplate jdbc, CarriedWrites writes, Clock clock) {
        return new CarriedTable(jdbc, writes, clock, "access_organisation", "organisationWrites",
                List.of(text("org_id")), ORGANISATION, List.of("slug"));
    }

    @Bean
    static CarriedTable memberships(JdbcTemplate jdbc, CarriedWrites writes, Clock clock) {
        return new CarriedTable(jdbc, writes, clock, "access_membership", "membershipWrites",
                List.of(text("org_id"), text("user_id")), MEMBERSHIP, List.of());
    }

    @Bean
    static CarriedTable tokens(JdbcTemplate jdbc, CarriedWrites writes, Clock clock) {
        return new CarriedTable(jdbc, writes, clock, "access_token", "tokenWrites", List.of(text("token_id")), TOKEN,
                List.of());
    }
}
