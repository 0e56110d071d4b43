package io.waybill.command.access;

import io.waybill.platform.web.Refusals;
import io.waybill.command.access.AccessAnswers.TokenIssuedAnswer;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.access.RevokeApiToken;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BodyShape;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.Map;

/**
 * The caller's personal API tokens: each for one organisation, the current one ({@code orgId}, when given, must
 * name it), optionally expiring. The secret is answered once and never stored.
 */
@RestController
@RequestMapping("/api/tokens")
@Access(Role.VIEWER)
class TokenCommandController {

    private final CommandSender sender;
    private final TokenIssuer tokens;
    private final Clock clock;
    private final AccessForms forms;

    TokenCommandController(CommandSender sender, TokenIssuer tokens, Clock clock, AccessForms forms) {
        this.sender = sender;
        this.tokens = tokens;
        this.clock = clock;
        this.forms = forms;
    }

    /** A token for the current organisation only: one organisation's token never opens another. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TokenIssuedAnswer> create(RequestContext context,
                                   @BodyShape(AccessForms.TokenRequest.class) @RequestBody JsonNode json) {
        var form = forms.token(json, context.orgId(), clock);
        if (!form.orgId().equals(context.orgId())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "a token creates tokens for its own organisation only; "
                    + "use a token of organisation " + form.orgId(), Map.of("field", "orgId"));
        }
        return tokens.issue(context, context.actor(), form.orgId(), form.name(), form.expiresAt());
    }

    @Refusals(ErrorCode.CONFLICT)
    @DeleteMapping("/{id}")
    Mono<DeletedAnswer> revoke(RequestContext context, @PathVariable String id) {
        return sender.<String>send(new RevokeApiToken(id, context.actor()), context).map(DeletedAnswer::new);
    }
}
