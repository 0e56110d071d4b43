package io.waybill.api;

/**
 * The event-store stream of a record whose id a client may choose (an order, an item group, a purchase order, a
 * work order). Such ids are unique within an organisation only, and the event store's stream ids are global, so
 * the stream is named by both: {@code <orgId>:<id>}. Ids a client chooses never hold {@code :}, and neither do
 * the organisation's or the server's own ids, so the record's id is what follows the first {@code :}.
 */
public final class RecordStreams {

    private static final char SEPARATOR = ':';

    private RecordStreams() {
    }

    public static String of(String orgId, String id) {
        return orgId + SEPARATOR + id;
    }

    /** The organisation of a stream named by organisation and id. */
    public static String orgId(String streamId) {
        int separator = streamId.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a stream named by organisation and id: " + streamId);
        }
        return streamId.substring(0, separator);
    }

    /** The id of the record a stream holds: the stream id itself for a record whose stream is its id. */
    public static String recordId(String streamId) {
        return streamId.substring(streamId.indexOf(SEPARATOR) + 1);
    }
}
