package io.waybill.testing;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One running Waybill process in the test JVM, on a random port, reached over real HTTP. Several can run at
 * once (two query sides on one database) and one can be stopped and started again on the same data.
 */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient client;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        String port = context.getEnvironment().getProperty("local.server.port");
        this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Starts the application, with extra configuration classes (test-only components) if given. The properties
     * are passed as command-line arguments, so they override the application's own configuration.
     */
    public static RunningApp start(Map<String, Object> properties, Class<?>... sources) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        all.putIfAbsent("axoniq.update-checker.disabled", "true");
        all.put("spring.main.banner-mode", "off");
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningApp(new SpringApplicationBuilder(sources).run(args));
    }

    public static RunningApp start(Class<?> application, Map<String, Object> properties) {
        return start(properties, application);
    }

    public WebTestClient client() {
        return client;
    }

    /** A client whose requests carry the organisation header, as every API request must. */
    public WebTestClient client(String orgId) {
        return client.mutate().defaultHeader("X-Org-Id", orgId).build();
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
