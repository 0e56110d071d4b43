package io.waybill.platform.axon;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.common.DateTimeUtils;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored time reads as Axon's own parser reads it, whatever the text. */
class StoredTimestampsTest {

    @Property(tries = 5_000)
    void aTimeAxonStoredReadsAsAxonReadsIt(@ForAll("storedTimes") Instant time) {
        String stored = DateTimeUtils.formatInstant(time);

        assertThat(StoredTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored)).isEqualTo(time);
    }

    @Property(tries = 5_000)
    void anyTextOfTheStoredLengthReadsAsAxonReadsItOrIsRefusedAlike(@ForAll("nearlyStoredTimes") String text) {
        readsAsAxonReadsIt(text);
    }

    @Example
    void otherLayoutsAreLeftToAxon() {
        for (String text : new String[]{"2026-12-04T18:00:19.580+01:00", "2026-12-04T18:00:19.580123Z",
                "2026-12-04T18:00:19Z", "+12026-12-04T18:00:19.580Z", "2026-02-29T18:00:19.580Z"}) {
            readsAsAxonReadsIt(text);
        }
    }

    private static void readsAsAxonReadsIt(String text) {
        Instant axon;
        try {
            axon = DateTimeUtils.parseInstant(text);
        } catch (RuntimeException refused) {
            assertThatThrownBy(() -> StoredTimestamps.parse(text)).as(text).isInstanceOf(refused.getClass());
            return;
        }
        assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(axon);
    }

    @Provide
    Arbitrary<Instant> storedTimes() {
        return Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli()).map(Instant::ofEpochMilli);
    }

    /** A stored time with one character changed: a digit out of range, a separator moved, a letter. */
    @Provide
    Arbitrary<String> nearlyStoredTimes() {
        return storedTimes().map(DateTimeUtils::formatInstant).flatMap(text -> Arbitraries.integers()
                .between(0, text.length() - 1).flatMap(at -> Arbitraries.of('0', '9', '1', '3', '6', '-', ':', 'T',
                        '.', 'Z', 'x', ' ').map(c -> text.substring(0, at) + c + text.substring(at + 1))));
    }
}
