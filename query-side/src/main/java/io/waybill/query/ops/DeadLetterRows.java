package io.waybill.query.ops;

import io.waybill.api.RecordStreams;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.query.config.Parking;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Axon's dead-letter table ({@code deadletterentry}) for the ops API. Letters are filtered by the organisation
 * in their event's metadata, which is serialized, so the filter runs here rather than in SQL; the table holds only
 * the events that failed, so it stays small.
 */
@Component
class DeadLetterRows {

    private static final int CHUNK = 200;
    private static final String COLUMNS = "deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex, "
            + "eventidentifier, timestamp, payloadtype, metadata, type, aggregateidentifier, sequencenumber, "
            + "enqueuedat, lasttouched, causetype, causemessage, diagnostics, "
            + "(SELECT COUNT(*) FROM deadletterentry ahead WHERE ahead.processinggroup = d.processinggroup "
            + "AND ahead.sequenceidentifier = d.sequenceidentifier AND ahead.sequenceindex < d.sequenceindex) AS ahead";

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final Serializer serializer;

    DeadLetterRows(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                   Serializer serializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.serializer = serializer;
    }

    /**
     * A letter with the organisation its event belongs to, its sequence as the queue stores it (a stream id, where
     * the view names the record), and its enqueue time as stored (the cursor key).
     */
    record Row(DeadLetterView view, String orgId, String storedSequence, String storedEnqueuedAt) {
    }

    Optional<Row> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM deadletterentry d WHERE deadletteridentifier = ?",
                (rs, i) -> row(rs), id).stream().findFirst();
    }

    /**
     * Up to {@code limit} letters of the organisation after the cursor position, in the order they were parked.
     */
    List<Row> sequence(String projection, String sequence) {
        return jdbc.query("SELECT " + COLUMNS + " FROM deadletterentry d WHERE processinggroup = ? "
                + "AND sequenceidentifier = ? ORDER BY sequenceindex", (rs, i) -> row(rs), projection, sequence);
    }

    List<Row> page(String orgId, String projection, String afterEnqueued, String afterId, int limit) {
        List<Row> matches = new ArrayList<>();
        String enqueued = afterEnqueued;
        String id = afterId;
        while (matches.size() < limit) {
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM deadletterentry d WHERE 1 = 1");
            if (projection != null) {
                sql.append(" AND processinggroup = ?");
                args.add(projection);
            }
            if (enqueued != null) {
                sql.append(" AND (enqueuedat > ? OR (enqueuedat = ? AND deadletteridentifier > ?))");
                args.add(enqueued);
                args.add(enqueued);
                args.add(id);
            }
            sql.append(" ORDER BY enqueuedat, deadletteridentifier LIMIT ").append(CHUNK);
            List<Row> chunk = jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
            for (Row row : chunk) {
                if (orgId.equals(row.orgId()) && matches.size() < limit) {
                    matches.add(row);
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            Row last = chunk.get(chunk.size() - 1);
            enqueued = last.storedEnqueuedAt();
            id = last.view().id();
        }
        return matches;
    }

    private Row row(ResultSet rs) throws SQLException {
        MetaData metaData = metaData(eventSerializer, rs.getBytes("metadata"));
        MetaData diagnostics = metaData(serializer, rs.getBytes("diagnostics"));
        long sequenceNumber = rs.getLong("sequencenumber");
        Long aggregateSequence = rs.wasNull() ? null : sequenceNumber;
        String causeType = rs.getString("causetype");
        DeadLetterView view = new DeadLetterView(rs.getString("deadletteridentifier"),
                rs.getString("processinggroup"), RecordStreams.recordId(rs.getString("sequenceidentifier")),
                rs.getLong("ahead"), rs.getString("eventidentifier"), simpleName(rs.getString("payloadtype")),
                rs.getString("type"), RecordStreams.recordId(rs.getString("aggregateidentifier")), aggregateSequence,
                instant(rs.getString("timestamp")),
                causeType == null ? null : new DeadLetterView.Cause(causeType, rs.getString("causemessage")),
                instant(rs.getString("enqueuedat")), instant(rs.getString("lasttouched")),
                diagnostics.get(Parking.RETRIES) instanceof Number n ? n.longValue() : 0);
        Object org = metaData.get(MessageMetadata.ORG_ID);
        return new Row(view, org == null ? null : org.toString(), rs.getString("sequenceidentifier"),
                rs.getString("enqueuedat"));
    }

    private static MetaData metaData(Serializer serializer, byte[] bytes) {
        if (bytes == null) {
            return MetaData.emptyInstance();
        }
        MetaData metaData = serializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, MetaData.class.getName(), null));
        return metaData == null ? MetaData.emptyInstance() : metaData;
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
