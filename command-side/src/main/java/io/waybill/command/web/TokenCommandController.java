package io.waybill.command.web;

import io.waybill.api.access.IssueApiToken;
import io.waybill.api.access.RevokeApiToken;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.platform.security.TokenSecrets;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's personal API tokens: one organisation each (the current one unless {@code orgId} names another
 * the caller belongs to), optionally expiring. The secret is answered once and never stored.
 */
@RestController
@RequestMapping("/api/tokens")
@Access(Role.VIEWER)
class TokenCommandController {

    private final CommandSender sender;
    private final Clock clock;

    TokenCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> create(RequestContext context, @RequestBody JsonNode json) {
        var form = AccessForms.token(json, context.orgId(), clock);
        String secret = TokenSecrets.newSecret();
        String tokenId = UUID.randomUUID().toString();
        var issue = new IssueApiToken(tokenId, context.actor(), form.orgId(), form.name(), form.expiresAt(),
                TokenSecrets.hash(secret));
        return sender.<String>send(issue, context).map(id -> {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("id", tokenId);
            token.put("name", form.name());
            token.put("orgId", form.orgId());
            token.put("expiresAt", form.expiresAt());
            return Map.of("token", token, "plaintext", secret);
        });
    }

    @DeleteMapping("/{id}")
    Mono<Map<String, String>> revoke(RequestContext context, @PathVariable String id) {
        return sender.<String>send(new RevokeApiToken(id, context.actor()), context).map(WriteSupport::deleted);
    }
}
