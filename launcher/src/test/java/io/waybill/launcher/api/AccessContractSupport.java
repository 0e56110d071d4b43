package io.waybill.launcher.api;

import io.waybill.testing.RunningApp;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the access contracts share: who a client is, its organisation, members and tokens, as the API tells. */
abstract class AccessContractSupport extends ApiContractSupport {

    /** The bootstrap owner, who owns every organisation the tests create through {@code newOrg()}. */
    static final String OWNER_EMAIL = "owner@localhost";

    static String newSlug() {
        return newSid("acme").toLowerCase(Locale.ROOT);
    }

    static String newEmail() {
        return newSid("user") + "@example.com";
    }

    /** The organisations the client's user belongs to, as {@code /api/users/me} lists them. */
    static List<Map<String, Object>> organisationsOf(WebTestClient client) {
        return read(text(client.get().uri("/api/users/me").exchange(), 200), "$.organizations");
    }

    /** The members of the client's organisation: each one's e-mail and role. */
    static Map<String, String> membersOf(WebTestClient client) {
        String json = text(client.get().uri("/api/organizations/current/members").exchange(), 200);
        List<String> emails = read(json, "$.data[*].email");
        List<String> roles = read(json, "$.data[*].role");
        Map<String, String> members = new TreeMap<>();
        for (int i = 0; i < emails.size(); i++) {
            members.put(emails.get(i), roles.get(i));
        }
        return members;
    }

    /** A new token of the client's user for its organisation {@code orgId}; answers its secret. */
    static String newToken(WebTestClient client, String orgId) {
        return read(text(post(client, "/api/tokens", body("name", "spare", "orgId", orgId)), 201), "$.plaintext");
    }

    /** The client's token no longer lets it in, whatever it asks. */
    static void expectRefused(WebTestClient client) {
        expectError(client.get().uri("/api/users/me").exchange(), 401, "unauthorized");
        expectError(client.get().uri("/api/organizations/current").exchange(), 401, "unauthorized");
    }

    WebTestClient as(String orgId, String token) {
        return app.client(new RunningApp.Credentials(orgId, token));
    }
}
