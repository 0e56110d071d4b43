package io.waybill.command.access;

import io.waybill.command.access.AccessAnswers.IssuedToken;
import io.waybill.command.access.AccessAnswers.TokenIssuedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.IssueApiToken;
import io.waybill.platform.security.TokenSecrets;
import io.waybill.platform.web.RequestContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Issues a personal API token and answers it the only time its secret is shown:
 * {@code {"token": {id, name, orgId, expiresAt}, "plaintext": "wb_…"}}.
 */
@Component
class TokenIssuer {

    private final CommandSender sender;

    TokenIssuer(CommandSender sender) {
        this.sender = sender;
    }

    Mono<TokenIssuedAnswer> issue(RequestContext context, String userId, String orgId, String name,
                                  Instant expiresAt) {
        String secret = TokenSecrets.newSecret();
        String tokenId = UUID.randomUUID().toString();
        return sender.<String>send(new IssueApiToken(tokenId, userId, orgId, name, expiresAt,
                TokenSecrets.hash(secret)), context)
                .map(id -> new TokenIssuedAnswer(new IssuedToken(tokenId, name, orgId, expiresAt), secret));
    }
}
