package io.waybill.command.access;

import io.waybill.api.access.OrganisationDetails;
import io.waybill.api.access.Role;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Patches;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Text;
import org.hibernate.validator.constraints.Range;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the bodies of the organisation, member and token endpoints, with the seed's lengths and patterns. */
@Component
class AccessForms {

    private static final Set<String> REQUIRED = Set.of("name", "slug");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private final JsonRequests requests;

    AccessForms(JsonRequests requests) {
        this.requests = requests;
    }

    record NewOrganisation(OrganisationDetails details) {
    }

    record OrganisationPatch(OrganisationDetails patch, Set<String> cleared) {
    }

    record NewMember(String email, String displayName, Role role) {
    }

    record NewToken(String name, String orgId, Instant expiresAt) {
    }

    /** An organisation's body, for a create and for a partial update. */
    record OrganisationRequest(@Name JsonNullable<String> name, @Text(max = 100) JsonNullable<String> slug,
                               @Name JsonNullable<String> legalName, @Text(max = 1000) JsonNullable<String> address,
                               @Text(max = 150) JsonNullable<String> city, @Text(max = 100) JsonNullable<String> state,
                               @Text(max = 2) JsonNullable<String> country, @Text(max = 20) JsonNullable<String> zipCode,
                               @Text(max = 2000) JsonNullable<String> logoUrl,
                               @Text(max = 320) JsonNullable<String> contactEmail,
                               @Text(max = 50) JsonNullable<String> contactPhone,
                               JsonNullable<Boolean> requirePurchaseOrderApproval) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (slug.orElse(null) != null && !SLUG.matcher(slug.get()).matches()) {
                problems.reject("slug", "must be lowercase letters, digits and inner hyphens, like \"acme-works\"");
            }
            if (country.orElse(null) != null && !COUNTRY.matcher(upper(country.get())).matches()) {
                problems.reject("country", "must be a two-letter country code");
            }
            if (logoUrl.orElse(null) != null && !URL.matcher(logoUrl.get()).matches()) {
                problems.reject("logoUrl", "must be an http or https URL");
            }
            checkEmail("contactEmail", contactEmail.orElse(null), problems);
            if (requirePurchaseOrderApproval.isPresent() && requirePurchaseOrderApproval.get() == null) {
                problems.reject("requirePurchaseOrderApproval", "must be true or false");
            }
        }

        OrganisationDetails details() {
            String code = country.orElse(null);
            String email = contactEmail.orElse(null);
            return new OrganisationDetails(name.orElse(null), slug.orElse(null), legalName.orElse(null),
                    address.orElse(null), city.orElse(null), state.orElse(null), code == null ? null : upper(code),
                    zipCode.orElse(null), logoUrl.orElse(null), email == null ? null : email.toLowerCase(Locale.ROOT),
                    contactPhone.orElse(null), requirePurchaseOrderApproval.orElse(null));
        }
    }

    record MemberRequest(@Required @Text(max = 320) String email, @Name String displayName,
                         @Required @Text(max = 16) String role) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            checkEmail("email", email, problems);
            checkRole(role, problems);
        }
    }

    record RoleRequest(@Required @Text(max = 16) String role) implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            checkRole(role, problems);
        }
    }

    record TokenRequest(@Required @Name String name, @Text(max = 64) String orgId,
                        @Range(min = 1, max = 3650, message = "must be between {min} and {max}")
                        Integer expiresInDays) {
    }

    NewOrganisation organisation(JsonNode json) {
        Problems problems = new Problems();
        OrganisationRequest request = requests.read(json, OrganisationRequest.class, problems);
        var fields = Patches.fields(request);
        REQUIRED.stream().filter(field -> Patches.isEmpty(fields.get(field)))
                .forEach(field -> problems.reject(field, "is required"));
        problems.throwIfAny();
        return new NewOrganisation(request.details());
    }

    OrganisationPatch organisationPatch(JsonNode json) {
        Problems problems = new Problems();
        OrganisationRequest request = requests.read(json, OrganisationRequest.class, problems);
        Set<String> cleared = new HashSet<>();
        Patches.fields(request).forEach((field, value) -> {
            if (value.isPresent() && value.get() == null && REQUIRED.contains(field)) {
                problems.reject(field, "must not be null");
            } else if (value.isPresent() && value.get() == null) {
                cleared.add(field);
            }
        });
        problems.throwIfAny();
        return new OrganisationPatch(request.details(), cleared);
    }

    NewMember member(JsonNode json) {
        MemberRequest request = requests.read(json, MemberRequest.class);
        return new NewMember(request.email().toLowerCase(Locale.ROOT), request.displayName(),
                Role.fromCode(request.role()));
    }

    Role roleChange(JsonNode json) {
        return Role.fromCode(requests.read(json, RoleRequest.class).role());
    }

    NewToken token(JsonNode json, String defaultOrgId, Clock clock) {
        TokenRequest request = requests.read(json, TokenRequest.class);
        Integer days = request.expiresInDays();
        return new NewToken(request.name(), request.orgId() == null ? defaultOrgId : request.orgId(),
                days == null ? null : clock.instant().plus(Duration.ofDays(days)));
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private static void checkEmail(String field, String email, Problems problems) {
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.reject(field, "must be an e-mail address");
        }
    }

    private static void checkRole(String role, Problems problems) {
        if (role != null && Role.fromCode(role) == null) {
            problems.reject("role", "must be one of viewer, member, admin, owner");
        }
    }
}
