package io.waybill.platform.axon;

import io.waybill.platform.web.RequestContext;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/** The metadata keys every command and event carries. */
public final class MessageMetadata {

    public static final String ORG_ID = "orgId";
    public static final String ACTOR = "actor";
    public static final String TOKEN = "tokenId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";

    private MessageMetadata() {
    }

    /** The request's metadata, made in one map (each {@code MetaData.and} copies the map it adds to). */
    public static MetaData of(RequestContext context) {
        Map<String, Object> values = new HashMap<>(8);
        values.put(ORG_ID, context.orgId());
        values.put(ACTOR, context.actor());
        values.put(CORRELATION_ID, context.correlationId());
        if (context.tokenId() != null) {
            values.put(TOKEN, context.tokenId());
        }
        return MetaData.from(values);
    }
}
