package io.waybill.query.events;

import io.waybill.platform.axon.StoredTimestamps;
import io.waybill.query.timeline.HistoryMetadata;
import io.waybill.query.timeline.TimelineReader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads Axon's JDBC event table by global index, which {@code EventStore} does not offer per aggregate, and turns
 * rows into events through the same serializer and upcasters the event store uses.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class StoredEvents {

    private static final String SELECT = "SELECT globalindex, type, aggregateidentifier, sequencenumber, "
            + "eventidentifier, timestamp, payloadtype, payloadrevision, payload, metadata FROM domainevententry ";
    private final NamedParameterJdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final JsonMapper json;

    StoredEvents(org.springframework.jdbc.core.JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                 org.axonframework.config.Configuration axon, JsonMapper json) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
        this.json = json;
    }

    /** The highest global index written so far (0 for an empty store). */
    long head() {
        Long head = jdbc.getJdbcTemplate().queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    /** Visible events after {@code position}, in index order; indices not committed yet are simply absent. */
    List<FeedEvent> after(long position, int limit) {
        return query("WHERE globalindex > :after ORDER BY globalindex LIMIT :limit",
                new MapSqlParameterSource("after", position).addValue("limit", limit));
    }

    /** The indices of the visible events after {@code position}, in order, without reading the events. */
    List<Long> positionsAfter(long position, int limit) {
        return jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE globalindex > :after "
                + "ORDER BY globalindex LIMIT :limit", new MapSqlParameterSource("after", position)
                .addValue("limit", limit), Long.class);
    }

    /** Events in {@code (after, upTo]}, in index order. */
    List<FeedEvent> range(long after, long upTo, int limit) {
        return query("WHERE globalindex > :after AND globalindex <= :upTo ORDER BY globalindex LIMIT :limit",
                new MapSqlParameterSource("after", after).addValue("upTo", upTo).addValue("limit", limit));
    }

    /** The events of some streams in {@code (after, upTo]}, in index order. */
    List<FeedEvent> ofAggregates(Collection<String> streamIds, long after, long upTo, int limit) {
        return query("WHERE aggregateidentifier IN (:ids) AND globalindex > :after AND globalindex <= :upTo "
                        + "ORDER BY globalindex LIMIT :limit",
                new MapSqlParameterSource("ids", streamIds).addValue("after", after).addValue("upTo", upTo)
                        .addValue("limit", limit));
    }

    Optional<FeedEvent> byEventId(String eventId) {
        return query("WHERE eventidentifier = :id", new MapSqlParameterSource("id", eventId)).stream().findFirst();
    }

    /** The first event of a stream, which names the organisation it belongs to. */
    Optional<FeedEvent> first(String streamId) {
        return query("WHERE aggregateidentifier = :id AND sequencenumber = 0",
                new MapSqlParameterSource("id", streamId)).stream().findFirst();
    }

    private List<FeedEvent> query(String where, MapSqlParameterSource params) {
        List<TrackedDomainEventData<byte[]>> rows = jdbc.query(SELECT + where, params, (rs, n) -> row(rs));
        List<FeedEvent> events = new ArrayList<>(rows.size());
        EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters).forEach(message -> {
            long position = ((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex();
            HistoryMetadata metadata = HistoryMetadata.of(message, serializer);
            var entry = TimelineReader.entry((DomainEventMessage<?>) message, metadata, position);
            events.add(new FeedEvent(position, metadata.orgId(),
                    ((DomainEventMessage<?>) message).getAggregateIdentifier(), entry, json.writeValueAsString(entry)));
        });
        return events;
    }

    private static TrackedDomainEventData<byte[]> row(ResultSet rs) throws SQLException {
        String time = rs.getString("timestamp");
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong("globalindex")),
                StoredTimestamps.parsedOnce(new GenericDomainEventEntry<>(rs.getString("type"),
                        rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                        rs.getString("eventidentifier"), time, rs.getString("payloadtype"),
                        rs.getString("payloadrevision"), rs.getBytes("payload"), rs.getBytes("metadata")), time));
    }
}
