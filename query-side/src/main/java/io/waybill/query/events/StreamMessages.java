package io.waybill.query.events;

import org.springframework.http.codec.ServerSentEvent;

/** The messages of a stream: events, comments, and the last message of a cut-off stream. */
final class StreamMessages {

    static final ServerSentEvent<String> OPENED = ServerSentEvent.<String>builder().comment("stream open").build();
    static final ServerSentEvent<String> HEARTBEAT = ServerSentEvent.<String>builder().comment("heartbeat").build();

    private StreamMessages() {
    }

    static ServerSentEvent<String> event(FeedEvent event) {
        return ServerSentEvent.builder(event.json()).id(Long.toString(event.position())).event(event.type()).build();
    }

    /** The last message of a stream whose caller lost access: in the shape of the error envelope. */
    static final ServerSentEvent<String> ACCESS_ENDED = ServerSentEvent.builder("{\"error\":{\"code\":"
            + "\"unauthorized\",\"message\":\"the stream was closed because its access ended: the token was "
            + "revoked or expired, the member removed, or the organisation deleted\",\"details\":{}}}")
            .event("error").build();

    /** In the shape of the error envelope; {@code lastEventId} is where the client resumes. */
    static ServerSentEvent<String> cutOff(long lastSent) {
        String data = "{\"error\":{\"code\":\"too_slow\",\"message\":\"the stream was closed because the client "
                + "read too slowly; reconnect with Last-Event-ID: " + lastSent + "\",\"details\":{\"lastEventId\":\""
                + lastSent + "\"}}}";
        return ServerSentEvent.builder(data).id(Long.toString(lastSent)).event("error").build();
    }
}
