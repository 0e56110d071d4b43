package io.waybill.query.timeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.Serializer;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata a history shows of an event (its organisation, actor, token and correlation id), read straight from
 * the event's stored metadata. Asking the event for its metadata builds the whole map of every key; a page of a
 * timeline did that for each of its events, and it was a third of the page's reading.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryMetadata(@JsonProperty(MessageMetadata.ORG_ID) String orgId,
                              @JsonProperty(MessageMetadata.ACTOR) String actor,
                              @JsonProperty(MessageMetadata.TOKEN) String tokenId,
                              @JsonProperty(MessageMetadata.CORRELATION_ID) String correlationId) {

    private static final ObjectReader READER = JsonMapper.builder().build().readerFor(HistoryMetadata.class);

    /**
     * The metadata of {@code event}, given the serializer the event store reads with: an event read from the store
     * hands over its stored bytes as they are; any other event is serialized first.
     */
    public static HistoryMetadata of(Message<?> event, Serializer serializer) {
        return READER.readValue(event.serializeMetaData(serializer, byte[].class).getData());
    }
}
