package io.waybill.testing;

import io.waybill.platform.security.TokenSecrets;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running Waybill process in the test JVM, on a random port, reached over real HTTP. Several can run at
 * once (two query sides on one database) and one can be stopped and started again on the same data.
 */
public final class RunningApp implements AutoCloseable {

    /** The owner token every test process is started with (the operator's bootstrap token). */
    public static final String ROOT_TOKEN = "wb_test-root-token-for-waybill-tests-only";
    /** The credentials of each test organisation, by database and label: they outlive a process restart. */
    private static final Map<String, Credentials> ORGS = new ConcurrentHashMap<>();
    private final ConfigurableApplicationContext context;
    private final WebTestClient client;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        String port = context.getEnvironment().getProperty("local.server.port");
        // the API document is larger than a client buffers by default
        this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Starts the application, with extra configuration classes (test-only components) if given. The properties
     * are passed as command-line arguments, so they override the application's own configuration. Every refusal it
     * answers is held to the API document ({@link DocumentedRefusals}).
     */
    public static RunningApp start(Map<String, Object> properties, Class<?>... sources) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        all.putIfAbsent("axoniq.update-checker.disabled", "true");
        all.putIfAbsent("waybill.security.bootstrap.token", ROOT_TOKEN);
        all.putIfAbsent("waybill.security.rate-limit.requests-per-second", "0");
        all.put("spring.main.banner-mode", "off");
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        Class<?>[] checked = Arrays.copyOf(sources, sources.length + 1);
        checked[sources.length] = DocumentedRefusals.class;
        return new RunningApp(new SpringApplicationBuilder(checked).run(args));
    }

    public static RunningApp start(Class<?> application, Map<String, Object> properties) {
        return start(properties, application);
    }

    /** A client that sends no credentials. */
    public WebTestClient client() {
        return client;
    }

    /** An organisation's id and an owner token for it. */
    public record Credentials(String orgId, String token) {
    }

    /** A client with an owner token of the bootstrap organisation. */
    public WebTestClient root() {
        String orgId = bean(JdbcTemplate.class).queryForObject(
                "SELECT org_id FROM access_token WHERE secret_hash = ?", String.class, TokenSecrets.hash(ROOT_TOKEN));
        return client(new Credentials(orgId, ROOT_TOKEN));
    }

    /**
     * A client of the organisation a test calls {@code label}, as its owner: created through the API on first use
     * (by a process that serves writes), found again by later processes on the same database.
     */
    public WebTestClient client(String label) {
        return client(organisation(label));
    }

    public WebTestClient client(Credentials credentials) {
        return client.mutate().defaultHeader("Authorization", "Bearer " + credentials.token())
                .defaultHeader("X-Org-Id", credentials.orgId()).build();
    }

    public Credentials organisation(String label) {
        String database = context.getEnvironment().getProperty("spring.datasource.url");
        return ORGS.computeIfAbsent(database + "|" + label, key -> create(label));
    }

    @SuppressWarnings("unchecked")
    private Credentials create(String label) {
        String slug = "t-" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
        WebTestClient root = root();
        Map<String, Object> created = root.post().uri("/api/organizations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", label, "slug", slug)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String orgId = (String) ((Map<String, Object>) created.get("organization")).get("id");
        return new Credentials(orgId, (String) created.get("plaintext"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
