package io.waybill.launcher.reliability;

import com.jayway.jsonpath.JsonPath;
import io.waybill.command.CommandSideApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.RunningApp.Credentials;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create is decided as the create of a new record, without reading its id's history; a create that is not new
 * still gets the answer it would have had. Here the repeat reaches a command side that never held the record, so
 * nothing it cached answers for the store: a repeated create answers the record it made, another body under the
 * same id is a conflict, nothing is stored twice, and another organisation's create under the same id makes its
 * own record.
 */
class CreatesOnTwoCommandSidesIT {

    @Test
    void aCreateRepeatedOnAnotherCommandSideAnswersTheRecordItMade() {
        String database = TestDatabases.createPostgresDatabase();
        try (RunningApp first = RunningApp.start(CommandSideApplication.class, TestDatabases.postgres(database));
             RunningApp second = RunningApp.start(CommandSideApplication.class, TestDatabases.postgres(database))) {
            Credentials owner = first.organisation("repeats");
            Map<String, Object> order = Map.of("id", "po-7", "vendorName", "Acme", "uniqueName", "PO-7");
            String made = create(first.client(owner), order, 201);

            String again = create(second.client(owner), order, 201);
            assertThat(JsonPath.<String>read(again, "$.createdAt")).isEqualTo(JsonPath.read(made, "$.createdAt"));
            assertThat(JsonPath.<String>read(create(second.client(owner), Map.of("id", "po-7",
                    "vendorName", "Other", "uniqueName", "PO-8"), 409), "$.error.code")).isEqualTo("conflict");
            Credentials other = second.organisation("someone else");
            String theirs = create(second.client(other), Map.of("id", "po-7", "vendorName", "Other"), 201);
            assertThat(JsonPath.<String>read(theirs, "$.orgId")).isEqualTo(other.orgId());
            assertThat(JsonPath.<String>read(theirs, "$.vendorName")).isEqualTo("Other");

            assertThat(second.bean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class,
                    owner.orgId() + ":po-7")).isEqualTo(1);
        }
    }

    private static String create(WebTestClient client, Map<String, Object> body, int status) {
        return client.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }
}
