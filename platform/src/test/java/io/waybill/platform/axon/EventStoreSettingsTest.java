package io.waybill.platform.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreSettingsTest {

    private static EventStoreSettings settings(Duration fetchDelay, Boolean readOnCommit) {
        return new EventStoreSettings(fetchDelay, null, 0, 0, 0, 0, 0, readOnCommit, null);
    }

    @Test
    void aProcessThatHearsOtherProcessesCommitsPollsOnlyToMakeUpForOneNotHeard() {
        assertThat(settings(null, null).fetchDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings(null, true).fetchDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aProcessThatReadsByPollPollsOften() {
        assertThat(settings(null, false).fetchDelay()).isEqualTo(Duration.ofMillis(25));
    }

    @Test
    void aFetchDelayGivenIsKept() {
        assertThat(settings(Duration.ofMillis(40), true).fetchDelay()).isEqualTo(Duration.ofMillis(40));
        assertThat(settings(Duration.ofHours(1), false).fetchDelay()).isEqualTo(Duration.ofHours(1));
    }
}
