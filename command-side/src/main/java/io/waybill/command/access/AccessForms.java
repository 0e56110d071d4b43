package io.waybill.command.access;

import io.waybill.api.access.OrganisationDetails;
import io.waybill.api.access.Role;
import io.waybill.platform.web.JsonBody;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the bodies of the organisation, member and token endpoints, with the seed's lengths and patterns. */
final class AccessForms {

    static final Set<String> ORGANISATION_FIELDS = Set.of("name", "slug", "legalName", "address", "city", "state",
            "country", "zipCode", "logoUrl", "contactEmail", "contactPhone");
    private static final Set<String> REQUIRED = Set.of("name", "slug");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private AccessForms() {
    }

    record NewOrganisation(OrganisationDetails details) {
    }

    record OrganisationPatch(OrganisationDetails patch, Set<String> cleared) {
    }

    record NewMember(String email, String displayName, Role role) {
    }

    record NewToken(String name, String orgId, Instant expiresAt) {
    }

    static NewOrganisation organisation(JsonNode json) {
        JsonBody body = JsonBody.of(json, ORGANISATION_FIELDS);
        OrganisationDetails details = details(body);
        for (String field : REQUIRED) {
            if (!body.has(field) || body.isNull(field)) {
                body.reject(field, "is required");
            }
        }
        body.validate();
        return new NewOrganisation(details);
    }

    static OrganisationPatch organisationPatch(JsonNode json) {
        JsonBody body = JsonBody.of(json, ORGANISATION_FIELDS);
        OrganisationDetails patch = details(body);
        Set<String> cleared = new HashSet<>();
        for (String field : ORGANISATION_FIELDS) {
            if (body.isNull(field) && REQUIRED.contains(field)) {
                body.reject(field, "must not be null");
            } else if (body.isNull(field)) {
                cleared.add(field);
            }
        }
        body.validate();
        return new OrganisationPatch(patch, cleared);
    }

    static NewMember member(JsonNode json) {
        JsonBody body = JsonBody.of(json, Set.of("email", "displayName", "role"));
        String email = body.required("email", email(body, "email"));
        String displayName = body.name("displayName");
        Role role = body.required("role", role(body));
        body.validate();
        return new NewMember(email, displayName, role);
    }

    static Role roleChange(JsonNode json) {
        JsonBody body = JsonBody.of(json, Set.of("role"));
        Role role = body.required("role", role(body));
        body.validate();
        return role;
    }

    static NewToken token(JsonNode json, String defaultOrgId, Clock clock) {
        JsonBody body = JsonBody.of(json, Set.of("name", "orgId", "expiresInDays"));
        String name = body.required("name", body.name("name"));
        String orgId = body.string("orgId", 64);
        Integer days = body.integer("expiresInDays", 1, 3650);
        body.validate();
        return new NewToken(name, orgId == null ? defaultOrgId : orgId,
                days == null ? null : clock.instant().plus(Duration.ofDays(days)));
    }

    private static OrganisationDetails details(JsonBody b) {
        String slug = b.string("slug", 100);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            b.reject("slug", "must be lowercase letters, digits and inner hyphens, like \"acme-works\"");
        }
        String country = b.string("country", 2);
        if (country != null && !COUNTRY.matcher(country.toUpperCase(Locale.ROOT)).matches()) {
            b.reject("country", "must be a two-letter country code");
        }
        String logoUrl = b.string("logoUrl", 2000);
        if (logoUrl != null && !URL.matcher(logoUrl).matches()) {
            b.reject("logoUrl", "must be an http or https URL");
        }
        return new OrganisationDetails(b.name("name"), slug, b.name("legalName"), b.string("address", 1000),
                b.string("city", 150), b.string("state", 100),
                country == null ? null : country.toUpperCase(Locale.ROOT), b.string("zipCode", 20), logoUrl,
                email(b, "contactEmail"), b.string("contactPhone", 50));
    }

    private static String email(JsonBody body, String field) {
        String email = body.string(field, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            body.reject(field, "must be an e-mail address");
            return null;
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    private static Role role(JsonBody body) {
        String code = body.string("role", 16);
        Role role = code == null ? null : Role.fromCode(code);
        if (code != null && role == null) {
            body.reject("role", "must be one of viewer, member, admin, owner");
        }
        return role;
    }
}
