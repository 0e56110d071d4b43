package io.waybill.launcher.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static io.waybill.launcher.api.ApiContractSupport.expectError;
import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an identity provider configured the Spring way (here by its public key), its JWTs are accepted beside API
 * tokens: the e-mail claim names the member an admin added, and the role is theirs in the organisation named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtLoginTest {

    private RunningApp app;
    private KeyPair provider;
    private KeyPair impostor;

    @BeforeAll
    void start(@TempDir Path keys) throws Exception {
        provider = rsa();
        impostor = rsa();
        Path publicKey = keys.resolve("idp.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(provider.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Map<String, Object> properties = new HashMap<>(TestDatabases.embedded());
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKey);
        app = RunningApp.start(WaybillApplication.class, properties);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aMembersJwtActsWithTheirRoleInTheOrganisationItNames() throws Exception {
        var org = app.organisation("jwt-org");
        WebTestClient owner = app.client(org);
        owner.post().uri("/api/organizations/current/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "Vera@Example.com", "role", "viewer")).exchange()
                .expectStatus().isCreated();
        WebTestClient vera = jwtClient(sign(provider, "vera@example.com", Instant.now().plusSeconds(300)),
                org.orgId());

        vera.get().uri("/api/orders").exchange().expectStatus().isOk();
        String me = text(vera.get().uri("/api/users/me").exchange(), 200);
        assertThat((String) read(me, "$.user.email")).isEqualTo("vera@example.com");
        expectError(vera.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vendorName", "Acme")).exchange(), 403, "forbidden");
        String elsewhere = app.organisation("jwt-elsewhere").orgId();
        expectError(jwtClient(sign(provider, "vera@example.com", Instant.now().plusSeconds(300)), elsewhere)
                .get().uri("/api/orders").exchange(), 403, "forbidden");
    }

    @Test
    void expiredForgedOrUnknownJwtsAreUnauthorized() throws Exception {
        String orgId = app.organisation("jwt-refusals").orgId();
        for (String jwt : new String[] {
                sign(provider, "owner@localhost", Instant.now().minusSeconds(600)),
                sign(impostor, "owner@localhost", Instant.now().plusSeconds(300)),
                sign(provider, "nobody@example.com", Instant.now().plusSeconds(300))}) {
            expectError(jwtClient(jwt, orgId).get().uri("/api/orders").exchange(), 401, "unauthorized");
        }
    }

    private WebTestClient jwtClient(String jwt, String orgId) {
        return app.client().mutate().defaultHeader("Authorization", "Bearer " + jwt)
                .defaultHeader("X-Org-Id", orgId).build();
    }

    private static String sign(KeyPair key, String email, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("idp|" + email).claim("email", email)
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
