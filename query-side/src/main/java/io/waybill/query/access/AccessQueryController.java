package io.waybill.query.access;

import io.waybill.api.ListAnswer;
import io.waybill.api.access.OrganisationAnswer;
import io.waybill.query.access.AccessViews.MeView;
import io.waybill.query.access.AccessViews.MemberView;
import io.waybill.query.access.AccessViews.UserOrganisationView;
import io.waybill.query.access.AccessViews.UserView;
import io.r2dbc.spi.Row;
import io.waybill.api.DomainException;
import io.waybill.api.access.ApiTokenView;
import io.waybill.api.access.OrganisationView;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.RequestContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

import static io.waybill.query.support.Rows.instant;

/**
 * The caller, their organisation, its members and the caller's tokens, read from the access tables that the
 * command side writes with each access event: what is answered here is never behind the last change.
 */
@RestController
@RequestMapping("/api")
@Access(Role.VIEWER)
class AccessQueryController {

    private final DatabaseClient db;

    AccessQueryController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/organizations/current")
    Mono<OrganisationAnswer> organisation(RequestContext context) {
        return db.sql("SELECT * FROM access_organisation WHERE org_id = :org AND NOT deleted")
                .bind("org", context.orgId())
                .map((row, meta) -> organisation(row)).one()
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("organisation", context.orgId())))
                .map(OrganisationAnswer::new);
    }

    @GetMapping("/organizations/current/members")
    Mono<ListAnswer<MemberView>> members(RequestContext context) {
        return db.sql("SELECT m.user_id, m.role, m.joined_at, u.email, u.display_name FROM access_membership m "
                        + "JOIN access_user u ON u.user_id = m.user_id WHERE m.org_id = :org AND m.role IS NOT NULL "
                        + "ORDER BY m.joined_at, m.user_id")
                .bind("org", context.orgId())
                .map((row, meta) -> member(row, context.orgId())).all().collectList()
                .map(ListAnswer::new);
    }

    @GetMapping("/tokens")
    Mono<ListAnswer<ApiTokenView>> tokens(RequestContext context) {
        return db.sql("SELECT * FROM access_token WHERE user_id = :user ORDER BY created_at, token_id")
                .bind("user", context.actor())
                .map((row, meta) -> new ApiTokenView(row.get("token_id", String.class),
                        row.get("user_id", String.class), row.get("org_id", String.class),
                        row.get("name", String.class), instant(row, "created_at"), instant(row, "expires_at"),
                        instant(row, "revoked_at")))
                .all().collectList()
                .map(ListAnswer::new);
    }

    /** The caller, and every organisation they belong to with their role there. */
    @GetMapping("/users/me")
    Mono<MeView> me(RequestContext context) {
        Mono<UserView> user = db.sql("SELECT * FROM access_user WHERE user_id = :user")
                .bind("user", context.actor())
                .map((row, meta) -> new UserView(row.get("user_id", String.class), row.get("email", String.class),
                        row.get("display_name", String.class), instant(row, "created_at"))).one();
        Mono<List<UserOrganisationView>> organisations = db.sql("SELECT o.org_id, o.name, o.slug, m.role "
                        + "FROM access_membership m JOIN access_organisation o ON o.org_id = m.org_id "
                        + "WHERE m.user_id = :user AND m.role IS NOT NULL AND NOT o.deleted ORDER BY o.name, o.org_id")
                .bind("user", context.actor())
                .map((row, meta) -> new UserOrganisationView(row.get("org_id", String.class),
                        row.get("name", String.class), row.get("slug", String.class), row.get("role", String.class)))
                .all().collectList();
        return Mono.zip(user, organisations)
                .map(both -> new MeView(both.getT1(), both.getT2()));
    }

    private static OrganisationView organisation(Row row) {
        return new OrganisationView(row.get("org_id", String.class), row.get("name", String.class),
                row.get("slug", String.class), row.get("legal_name", String.class), row.get("address", String.class),
                row.get("city", String.class), row.get("state", String.class), row.get("country", String.class),
                row.get("zip_code", String.class), row.get("logo_url", String.class),
                row.get("contact_email", String.class), row.get("contact_phone", String.class),
                Boolean.TRUE.equals(row.get("require_po_approval", Boolean.class)), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static MemberView member(Row row, String orgId) {
        return new MemberView(orgId, row.get("user_id", String.class), row.get("email", String.class),
                row.get("display_name", String.class), row.get("role", String.class), instant(row, "joined_at"));
    }
}
