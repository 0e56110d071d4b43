package io.waybill.command.access;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.api.access.OrganisationAnswer;
import io.waybill.command.access.AccessAnswers.LeftAnswer;
import io.waybill.command.access.AccessAnswers.MemberAddedAnswer;
import io.waybill.command.access.AccessAnswers.OrganisationCreatedAnswer;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.AddMember;
import io.waybill.api.access.ChangeMemberRole;
import io.waybill.api.access.CreateOrganisation;
import io.waybill.api.access.DeleteOrganisation;
import io.waybill.api.access.MembershipView;
import io.waybill.api.access.RemoveMember;
import io.waybill.api.access.Role;
import io.waybill.api.access.UpdateOrganisation;
import io.waybill.command.access.AccessBook;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BodyShape;
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
import java.util.UUID;

/**
 * Organisations and their members. The current organisation is the one the caller's token belongs to
 * ({@code X-Org-Id}); creating one makes the caller its owner.
 */
@Refusals(ErrorCode.CONFLICT)
@RestController
@RequestMapping("/api/organizations")
class OrganisationCommandController {

    /** How long the first token of a newly registered member lasts: long enough to hand it over. */
    private static final Duration FIRST_TOKEN = Duration.ofDays(7);
    private final CommandSender sender;
    private final TokenIssuer tokens;
    private final AccessBook book;
    private final Clock clock;
    private final AccessForms forms;

    OrganisationCommandController(CommandSender sender, TokenIssuer tokens, AccessBook book, Clock clock,
                                  AccessForms forms) {
        this.sender = sender;
        this.tokens = tokens;
        this.book = book;
        this.clock = clock;
        this.forms = forms;
    }

    /** Creates an organisation owned by the caller, with an owner token for it (the caller's only way in there). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Access(Role.VIEWER)
    Mono<OrganisationCreatedAnswer> create(RequestContext context, @BodyShape(AccessForms.OrganisationRequest.class)
                                           @RequestBody JsonNode json) {
        var form = forms.organisation(json);
        String orgId = UUID.randomUUID().toString();
        return sender.<MembershipView>send(new CreateOrganisation(orgId, form.details(), context.actor()), context)
                .flatMap(membership -> tokens.issue(context, context.actor(), orgId, "owner token", null)
                        .flatMap(issued -> sender.blocking(() -> new OrganisationCreatedAnswer(
                                book.organisation(orgId), membership, issued.token(), issued.plaintext()))));
    }

    @PatchMapping("/current")
    @Access(Role.ADMIN)
    Mono<OrganisationAnswer> update(RequestContext context,
                                    @BodyShape(AccessForms.OrganisationRequest.class) @RequestBody JsonNode json) {
        var form = forms.organisationPatch(json);
        return sender.send(new UpdateOrganisation(context.orgId(), form.patch(), form.cleared()), context)
                .then(sender.blocking(() -> new OrganisationAnswer(book.organisation(context.orgId()))));
    }

    @DeleteMapping("/current")
    @Access(Role.OWNER)
    Mono<DeletedAnswer> delete(RequestContext context) {
        return sender.<String>send(new DeleteOrganisation(context.orgId()), context).map(DeletedAnswer::new);
    }

    /**
     * Adds a member by e-mail, with a first token for this organisation answered once for the admin to hand over
     * (invitations are not built). It works here only: a token never creates tokens for another organisation, so
     * the admin holding it cannot act as the member anywhere else. The member makes their own and revokes it.
     */
    @PostMapping("/current/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Access(Role.ADMIN)
    Mono<MemberAddedAnswer> addMember(RequestContext context,
                                      @BodyShape(AccessForms.MemberRequest.class) @RequestBody JsonNode json) {
        var form = forms.member(json);
        return sender.blocking(() -> book.userFor(form.email(), form.displayName()))
                .flatMap(userId -> sender.<MembershipView>send(
                        new AddMember(context.orgId(), userId, form.role(), context.actor()), context))
                .flatMap(membership -> withFirstToken(context, membership));
    }


    private Mono<MemberAddedAnswer> withFirstToken(RequestContext context, MembershipView membership) {
        return tokens.issue(context, membership.userId(), context.orgId(), "first token",
                clock.instant().plus(FIRST_TOKEN))
                .map(issued -> new MemberAddedAnswer(issued.token(), issued.plaintext(), membership));
    }

    @PatchMapping("/current/members/{userId}")
    @Access(Role.ADMIN)
    Mono<MembershipView> changeRole(RequestContext context, @PathVariable String userId,
                                    @BodyShape(AccessForms.RoleRequest.class) @RequestBody JsonNode json) {
        Role role = forms.roleChange(json);
        return sender.send(new ChangeMemberRole(context.orgId(), userId, role, context.actor()), context);
    }

    @DeleteMapping("/current/members/{userId}")
    @Access(Role.ADMIN)
    Mono<DeletedAnswer> removeMember(RequestContext context, @PathVariable String userId) {
        return sender.<String>send(new RemoveMember(context.orgId(), userId, context.actor()), context)
                .map(DeletedAnswer::new);
    }

    @PostMapping("/current/leave")
    @Access(Role.VIEWER)
    Mono<LeftAnswer> leave(RequestContext context) {
        return sender.<String>send(new RemoveMember(context.orgId(), context.actor(), context.actor()), context)
                .map(userId -> new LeftAnswer(true, context.orgId()));
    }
}
