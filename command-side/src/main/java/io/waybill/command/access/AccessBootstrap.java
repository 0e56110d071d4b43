package io.waybill.command.access;

import io.waybill.api.access.CreateOrganisation;
import io.waybill.api.access.IssueApiToken;
import io.waybill.api.access.OrganisationDetails;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.platform.security.TokenSecrets;
import io.waybill.platform.web.RequestContext;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The first owner. With {@code waybill.security.bootstrap.token} set, the service makes sure that token exists,
 * for a new organisation whose owner is {@code owner-email}: the operator's way in, in every mode. Without it, and
 * with {@code generate} on (the embedded default), the first start of an empty service creates the organisation,
 * the owner and a random token, and writes them to {@code <data-dir>/owner-token.env} for the user to read.
 */
@Component
class AccessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);
    private static final int MIN_TOKEN_LENGTH = 32;
    private final CommandGateway gateway;
    private final AccessBook book;
    private final Settings settings;

    record Settings(String token, boolean generate, String ownerEmail, String orgName, Path dataDir) {
    }

    AccessBootstrap(CommandGateway gateway, AccessBook book,
                    @Value("${waybill.security.bootstrap.token:}") String token,
                    @Value("${waybill.security.bootstrap.generate:false}") boolean generate,
                    @Value("${waybill.security.bootstrap.owner-email:owner@localhost}") String ownerEmail,
                    @Value("${waybill.security.bootstrap.org-name:Default organisation}") String orgName,
                    @Value("${waybill.data-dir:./data}") Path dataDir) {
        this.gateway = gateway;
        this.book = book;
        this.settings = new Settings(token.strip(), generate, ownerEmail.strip().toLowerCase(), orgName, dataDir);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!settings.token().isEmpty()) {
            if (settings.token().length() < MIN_TOKEN_LENGTH) {
                throw new IllegalStateException("waybill.security.bootstrap.token must be at least "
                        + MIN_TOKEN_LENGTH + " characters");
            }
            String hash = TokenSecrets.hash(settings.token());
            String orgId = book.organisationOfToken(hash);
            if (orgId == null) {
                orgId = createOwnerUnlessRaced(hash);
            }
            log.info("The configured owner token belongs to organisation {} (send it as X-Org-Id)", orgId);
        } else if (settings.generate() && !book.hasOrganisations()) {
            String secret = TokenSecrets.newSecret();
            String orgId = createOwner(secret);
            Path file = writeTokenFile(orgId, secret);
            log.info("First start: created organisation {} with owner {}; its owner token is in {}", orgId,
                    settings.ownerEmail(), file.toAbsolutePath());
        }
    }

    /** Another command side starting at the same time may have created it first: then that one stands. */
    private String createOwnerUnlessRaced(String hash) {
        try {
            return createOwner(settings.token());
        } catch (RuntimeException e) {
            String created = book.organisationOfToken(hash);
            if (created == null) {
                throw e;
            }
            log.info("Another process created the configured owner token first; its organisation stands");
            return created;
        }
    }

    private String createOwner(String secret) {
        RequestContext system = new RequestContext("", "system", UUID.randomUUID().toString(), null);
        String userId = book.userFor(settings.ownerEmail(), null);
        String orgId = UUID.randomUUID().toString();
        send(new CreateOrganisation(orgId, new OrganisationDetails(settings.orgName(), freeSlug(), null, null, null,
                null, null, null, null, null, null, null), userId), system);
        send(new IssueApiToken(UUID.randomUUID().toString(), userId, orgId, "bootstrap owner token", null,
                TokenSecrets.hash(secret)), system);
        return orgId;
    }

    private void send(Object command, RequestContext context) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MessageMetadata.of(context)));
    }

    private String freeSlug() {
        return book.slugTaken("default", null) ? "default-" + UUID.randomUUID().toString().substring(0, 8) : "default";
    }

    private Path writeTokenFile(String orgId, String secret) throws IOException {
        Files.createDirectories(settings.dataDir());
        Path file = settings.dataDir().resolve("owner-token.env");
        Path written = Files.createTempFile(settings.dataDir(), "owner-token", ".tmp");
        Files.writeString(written, "# Waybill's first owner token: send both on every request\n"
                + "# (Authorization: Bearer $WAYBILL_TOKEN and X-Org-Id: $WAYBILL_ORG)\n"
                + "WAYBILL_ORG=" + orgId + "\nWAYBILL_TOKEN=" + secret + "\n");
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("{} keeps the file system's default permissions", file);
        }
        return Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
