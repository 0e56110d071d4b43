package io.waybill.platform.axon;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile as the application's configuration sets it: Axon Server on, and every event
 * delivered to every processor, so a processor's position reaches the head (lag and replay progress count only
 * events that will come).
 */
class AxonServerProfileTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void everyProcessorReceivesEveryEvent() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                .profiles("axonserver").web(WebApplicationType.NONE).run()) {
            AxonServerConfiguration settings = Binder.get(context.getEnvironment())
                    .bind("axon.axonserver", AxonServerConfiguration.class).get();

            assertThat(settings.isEnabled()).isTrue();
            assertThat(settings.isEventBlockListingEnabled()).isFalse();
        }
    }
}
