package io.waybill.command.web;

import io.waybill.api.access.AddMember;
import io.waybill.api.access.ChangeMemberRole;
import io.waybill.api.access.CreateOrganisation;
import io.waybill.api.access.DeleteOrganisation;
import io.waybill.api.access.IssueApiToken;
import io.waybill.api.access.MembershipView;
import io.waybill.api.access.RemoveMember;
import io.waybill.api.access.Role;
import io.waybill.api.access.UpdateOrganisation;
import io.waybill.command.access.AccessBook;
import io.waybill.platform.security.Access;
import io.waybill.platform.security.TokenSecrets;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Organisations and their members. The current organisation is the one the caller's token belongs to
 * ({@code X-Org-Id}); creating one makes the caller its owner.
 */
@RestController
@RequestMapping("/api/organizations")
class OrganisationCommandController {

    /** How long the first token of a newly registered member lasts: long enough to hand it over. */
    private static final Duration FIRST_TOKEN = Duration.ofDays(7);
    private final CommandSender sender;
    private final AccessBook book;
    private final Clock clock;

    OrganisationCommandController(CommandSender sender, AccessBook book, Clock clock) {
        this.sender = sender;
        this.book = book;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Access(Role.VIEWER)
    Mono<Map<String, Object>> create(RequestContext context, @RequestBody JsonNode json) {
        var form = AccessForms.organisation(json);
        String orgId = UUID.randomUUID().toString();
        return sender.<MembershipView>send(new CreateOrganisation(orgId, form.details(), context.actor()), context)
                .flatMap(membership -> sender.blocking(() -> Map.of("organization", book.organisation(orgId),
                        "membership", membership)));
    }

    @PatchMapping("/current")
    @Access(Role.ADMIN)
    Mono<Map<String, Object>> update(RequestContext context, @RequestBody JsonNode json) {
        var form = AccessForms.organisationPatch(json);
        return sender.send(new UpdateOrganisation(context.orgId(), form.patch(), form.cleared()), context)
                .then(sender.blocking(() -> Map.of("organization", book.organisation(context.orgId()))));
    }

    @DeleteMapping("/current")
    @Access(Role.OWNER)
    Mono<Map<String, String>> delete(RequestContext context) {
        return sender.<String>send(new DeleteOrganisation(context.orgId()), context).map(WriteSupport::deleted);
    }

    /**
     * Adds a member by e-mail. A user who belongs to no organisation yet gets a first token for this one, answered
     * once, for the admin to hand over: whether they are new to the service, were refused a role before, or lost
     * their last membership. A member of another organisation creates their own with {@code POST /api/tokens}; a
     * token answered to the admin would let the admin act as them there.
     */
    @PostMapping("/current/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Access(Role.ADMIN)
    Mono<Map<String, Object>> addMember(RequestContext context, @RequestBody JsonNode json) {
        var form = AccessForms.member(json);
        return sender.blocking(() -> {
            String userId = book.userFor(form.email(), form.displayName());
            return new User(userId, book.isMemberAnywhere(userId));
        }).flatMap(user -> sender.<MembershipView>send(
                new AddMember(context.orgId(), user.id(), form.role(), context.actor()), context)
                .flatMap(membership -> user.member() ? Mono.just(Map.<String, Object>of("membership", membership))
                        : firstToken(context, membership)));
    }

    private record User(String id, boolean member) {
    }

    private Mono<Map<String, Object>> firstToken(RequestContext context, MembershipView membership) {
        String secret = TokenSecrets.newSecret();
        String tokenId = UUID.randomUUID().toString();
        var issue = new IssueApiToken(tokenId, membership.userId(), context.orgId(), "first token",
                clock.instant().plus(FIRST_TOKEN), TokenSecrets.hash(secret));
        return sender.<String>send(issue, context).map(id -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("membership", membership);
            answer.put("token", Map.of("id", tokenId, "expiresAt", issue.expiresAt()));
            answer.put("plaintext", secret);
            return answer;
        });
    }

    @PatchMapping("/current/members/{userId}")
    @Access(Role.ADMIN)
    Mono<MembershipView> changeRole(RequestContext context, @PathVariable String userId,
                                    @RequestBody JsonNode json) {
        Role role = AccessForms.roleChange(json);
        return sender.send(new ChangeMemberRole(context.orgId(), userId, role, context.actor()), context);
    }

    @DeleteMapping("/current/members/{userId}")
    @Access(Role.ADMIN)
    Mono<Map<String, String>> removeMember(RequestContext context, @PathVariable String userId) {
        return sender.<String>send(new RemoveMember(context.orgId(), userId, context.actor()), context)
                .map(WriteSupport::deleted);
    }

    @PostMapping("/current/leave")
    @Access(Role.VIEWER)
    Mono<Map<String, Object>> leave(RequestContext context) {
        return sender.<String>send(new RemoveMember(context.orgId(), context.actor(), context.actor()), context)
                .map(userId -> Map.of("left", true, "orgId", context.orgId()));
    }
}
