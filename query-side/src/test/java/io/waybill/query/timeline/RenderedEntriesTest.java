package io.waybill.query.timeline;

import io.waybill.api.Page;
import io.waybill.api.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedEntriesTest {

    private final RenderedEntries entries = new RenderedEntries(DataSize.ofMegabytes(1));
    private final JsonMapper json = mapper(entries);

    @Test
    void aStreamKeepsItsFirstEventsInOrderWithNoneLeftOut() {
        entries.keep("s", List.of(rendered(2), rendered(0)));
        assertThat(sequences("s")).containsExactly(0L);

        entries.keep("s", List.of(rendered(1), rendered(2), rendered(4)));
        assertThat(sequences("s")).containsExactly(0L, 1L, 2L);

        RenderedEntries.Rendered again = rendered(1);
        entries.keep("s", List.of(again, rendered(3)));
        assertThat(sequences("s")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(entries.kept("s").get(1)).isNotSameAs(again);
    }

    @Test
    void aStreamWhoseFirstEventWasNotAnsweredKeepsNothing() {
        entries.keep("s", List.of(rendered(1), rendered(2)));
        assertThat(entries.kept("s")).isEmpty();
        assertThat(entries.kept("other")).isEmpty();
    }

    @Test
    void aPageOfKeptEntriesIsWrittenAsThoseEntriesAreOnTheirOwn() {
        List<RenderedEntries.Rendered> page = List.of(rendered(0), rendered(1));
        String copied = json.writeValueAsString(new Page<>(new RenderedEntries.Entries(page), "next"));
        String written = json.writeValueAsString(new Page<>(page.stream()
                .map(RenderedEntries.Rendered::entry).toList(), "next"));
        assertThat(copied).isEqualTo(written);
        assertThat((List<?>) json.readValue(copied, Map.class).get("data")).hasSize(2);
    }

    private List<Long> sequences(String stream) {
        return entries.kept(stream).stream().map(kept -> kept.entry().sequenceNumber()).toList();
    }

    private RenderedEntries.Rendered rendered(long sequence) {
        TimelineEntry entry = new TimelineEntry("e-" + sequence, "ItemGroupCreated",
                Instant.parse("2026-12-06T10:00:00Z").plusSeconds(sequence), "u-1", "t-1", "c-1", "ItemGroup",
                "g-1", sequence, "p-" + sequence, Map.of("trackingNumber", "T" + sequence));
        return new RenderedEntries.Rendered("org-1", entry, json.writeValueAsString(entry));
    }

    private static JsonMapper mapper(RenderedEntries entries) {
        JsonMapper.Builder builder = JsonMapper.builder();
        entries.renderedTimelineEntries().customize(builder);
        return builder.build();
    }
}
