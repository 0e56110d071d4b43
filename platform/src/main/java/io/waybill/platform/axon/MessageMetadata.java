package io.waybill.platform.axon;

import io.waybill.platform.web.RequestContext;
import org.axonframework.messaging.MetaData;

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

    public static MetaData of(RequestContext context) {
        MetaData metaData = MetaData.with(ORG_ID, context.orgId())
                .and(ACTOR, context.actor())
                .and(CORRELATION_ID, context.correlationId());
        return context.tokenId() == null ? metaData : metaData.and(TOKEN, context.tokenId());
    }
}
