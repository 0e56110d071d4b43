package io.waybill.command.access;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.access.AddMember;
import io.waybill.api.access.ChangeMemberRole;
import io.waybill.api.access.CreateOrganisation;
import io.waybill.api.access.DeleteOrganisation;
import io.waybill.api.access.MemberAdded;
import io.waybill.api.access.MemberRemoved;
import io.waybill.api.access.MemberRoleChanged;
import io.waybill.api.access.MembershipView;
import io.waybill.api.access.OrganisationChanged;
import io.waybill.api.access.OrganisationCreated;
import io.waybill.api.access.OrganisationDeleted;
import io.waybill.api.access.OrganisationDetails;
import io.waybill.api.access.RemoveMember;
import io.waybill.api.access.Role;
import io.waybill.api.access.UpdateOrganisation;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.support.RecordFields;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * An organisation and who belongs to it with which role. Nobody grants more than their own role or touches a
 * member above it, and there is always an owner left.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class Organisation {

    @AggregateIdentifier
    private String orgId;
    private OrganisationDetails details;
    private final Map<String, Role> members = new HashMap<>();
    private final Map<String, Instant> joined = new HashMap<>();

    Organisation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    MembershipView handle(CreateOrganisation command, AccessBook book) {
        book.createOrganisation(command.orgId(), command.details());
        book.addMember(command.orgId(), command.ownerUserId(), Role.OWNER);
        apply(new OrganisationCreated(command.orgId(), command.details()));
        apply(new MemberAdded(command.orgId(), command.ownerUserId(), Role.OWNER));
        return membership(command.ownerUserId());
    }

    @CommandHandler
    OrganisationDetails handle(UpdateOrganisation command, AccessBook book) {
        OrganisationDetails next = RecordFields.merge(details, command.patch(), command.cleared());
        List<String> changed = RecordFields.changed(details, next);
        if (!changed.isEmpty()) {
            book.updateOrganisation(orgId, next);
            apply(new OrganisationChanged(orgId, next, changed));
        }
        return details;
    }

    @CommandHandler
    String handle(DeleteOrganisation command, AccessBook book) {
        book.deleteOrganisation(orgId);
        apply(new OrganisationDeleted(orgId));
        return orgId;
    }

    @CommandHandler
    MembershipView handle(AddMember command, AccessBook book) {
        requireMayGrant(command.actorUserId(), command.role());
        if (members.containsKey(command.userId())) {
            throw DomainException.conflict("the user is already a member", Map.of("userId", command.userId()));
        }
        book.addMember(orgId, command.userId(), command.role());
        apply(new MemberAdded(orgId, command.userId(), command.role()));
        return membership(command.userId());
    }

    @CommandHandler
    MembershipView handle(ChangeMemberRole command, AccessBook book) {
        Role current = requireMember(command.userId());
        requireMayGrant(command.actorUserId(), current);
        requireMayGrant(command.actorUserId(), command.role());
        if (current == command.role()) {
            return membership(command.userId());
        }
        if (current == Role.OWNER) {
            requireAnotherOwner(command.userId());
        }
        book.changeRole(orgId, command.userId(), command.role());
        apply(new MemberRoleChanged(orgId, command.userId(), current, command.role()));
        return membership(command.userId());
    }

    @CommandHandler
    String handle(RemoveMember command, AccessBook book) {
        Role current = requireMember(command.userId());
        boolean leaving = command.userId().equals(command.actorUserId());
        if (!leaving) {
            requireMayGrant(command.actorUserId(), current);
        }
        if (current == Role.OWNER) {
            requireAnotherOwner(command.userId());
        }
        book.removeMember(orgId, command.userId());
        apply(new MemberRemoved(orgId, command.userId(), leaving));
        return command.userId();
    }

    private Role requireMember(String userId) {
        Role role = members.get(userId);
        if (role == null) {
            throw DomainException.notFound("member", userId);
        }
        return role;
    }

    private void requireMayGrant(String actorUserId, Role role) {
        Role actor = members.get(actorUserId);
        if (actor == null || !actor.includes(role)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "only an " + (role == Role.OWNER ? "owner" : "admin")
                    + " with at least the " + role.code() + " role may grant or change it",
                    Map.of("role", role.code()));
        }
    }

    private void requireAnotherOwner(String userId) {
        boolean another = members.entrySet().stream()
                .anyMatch(member -> member.getValue() == Role.OWNER && !member.getKey().equals(userId));
        if (!another) {
            throw DomainException.conflict("the organisation must keep at least one owner; make another member "
                    + "owner first, or delete the organisation", Map.of("userId", userId));
        }
    }

    private MembershipView membership(String userId) {
        return new MembershipView(orgId, userId, members.get(userId), joined.get(userId));
    }

    @EventSourcingHandler
    void on(OrganisationCreated event) {
        orgId = event.orgId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(OrganisationChanged event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(OrganisationDeleted event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(MemberAdded event, @Timestamp Instant at) {
        members.put(event.userId(), event.role());
        joined.put(event.userId(), at);
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.userId(), event.to());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.userId());
        joined.remove(event.userId());
    }
}
