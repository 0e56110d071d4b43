package io.waybill.launcher.api.fuzz;

import java.util.List;
import java.util.Set;

import static io.waybill.launcher.api.fuzz.FuzzField.bool;
import static io.waybill.launcher.api.fuzz.FuzzField.integer;
import static io.waybill.launcher.api.fuzz.FuzzField.name;
import static io.waybill.launcher.api.fuzz.FuzzField.oneOf;
import static io.waybill.launcher.api.fuzz.FuzzField.patterned;
import static io.waybill.launcher.api.fuzz.FuzzField.text;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.map;

/** Organisations, their members and API tokens. */
final class AccessEndpoints {

    private static final Set<String> ROLES = Set.of("viewer", "member", "admin", "owner");
    private static final List<FuzzField> ORGANISATION = List.of(name("name").required(),
            patterned("slug", 100, "fz-slug").required(), name("legalName"), text("address", 1000),
            text("city", 150), text("state", 100), patterned("country", 2, "GB"), text("zipCode", 20),
            patterned("logoUrl", 2000, "https://example.com/logo.png"),
            patterned("contactEmail", 320, "office@example.com"), text("contactPhone", 50),
            bool("requirePurchaseOrderApproval").notClearable());

    private AccessEndpoints() {
    }

    static List<WriteEndpoint> all(FuzzTargets t) {
        String s = t.suffix();
        return List.of(
                WriteEndpoint.create("/api/organizations", map("name", "Fuzz Works", "slug", "fz-org-" + s),
                        ORGANISATION),
                WriteEndpoint.update("/api/organizations/current", map("city", "Leeds"), ORGANISATION),
                WriteEndpoint.create("/api/organizations/current/members", map("email", "fz-new-" + s
                        + "@example.com", "role", "member"), List.of(patterned("email", 320, "a@example.com")
                        .required(), name("displayName"), oneOf("role", ROLES).required())),
                WriteEndpoint.create("/api/organizations/current/members/" + t.member(), map("role", "admin"),
                        List.of(oneOf("role", ROLES).required())).withMethod("PATCH"),
                WriteEndpoint.create("/api/tokens", map("name", "fz token", "expiresInDays", 30),
                        List.of(name("name").required(), text("orgId", 64), integer("expiresInDays", 1, 3650))),
                WriteEndpoint.create("/api/streams/tickets", map("path", "/api/events/stream"),
                        List.of(patterned("path", 512, "/api/events/stream").required())));
    }
}
