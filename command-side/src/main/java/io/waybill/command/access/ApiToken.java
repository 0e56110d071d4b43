package io.waybill.command.access;

import io.waybill.api.DomainException;
import io.waybill.api.access.ApiTokenIssued;
import io.waybill.api.access.ApiTokenRevoked;
import io.waybill.api.access.IssueApiToken;
import io.waybill.api.access.RevokeApiToken;
import io.waybill.command.config.CommandSideConfig;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A personal API token: issued to a member for one organisation, revoked once. The events say who got which token
 * and when it was revoked; its secret's hash goes to the access tables, and rides with them in the issue event's
 * metadata ({@link AccessTables}), never in its payload.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class ApiToken {

    @AggregateIdentifier
    private String tokenId;
    private String userId;
    private String orgId;
    private boolean revoked;

    ApiToken() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(IssueApiToken command, AccessBook book) {
        if (book.roleOf(command.orgId(), command.userId()).isEmpty()) {
            throw DomainException.notFound("organisation", command.orgId());
        }
        book.addToken(command.tokenId(), command.secretHash(), command.userId(), command.orgId(), command.name(),
                command.expiresAt());
        apply(new ApiTokenIssued(command.tokenId(), command.userId(), command.orgId(), command.name(),
                command.expiresAt()));
        return command.tokenId();
    }

    @CommandHandler
    String handle(RevokeApiToken command, AccessBook book) {
        if (!userId.equals(command.userId())) {
            throw DomainException.notFound("token", tokenId);
        }
        if (!revoked) {
            book.revokeToken(tokenId);
            apply(new ApiTokenRevoked(tokenId, userId, orgId));
        }
        return tokenId;
    }

    @EventSourcingHandler
    void on(ApiTokenIssued event) {
        tokenId = event.tokenId();
        userId = event.userId();
        orgId = event.orgId();
    }

    @EventSourcingHandler
    void on(ApiTokenRevoked event) {
        revoked = true;
    }
}
