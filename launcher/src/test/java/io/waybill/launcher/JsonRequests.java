package io.waybill.launcher;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON bodies and the write requests that carry them, for the HTTP tests of every package. */
public final class JsonRequests {

    private JsonRequests() {
    }

    /** A JSON object from alternating names and values; unlike {@code Map.of}, values may be null. */
    public static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    public static WebTestClient.ResponseSpec post(WebTestClient client, String uri, Object body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public static WebTestClient.ResponseSpec patch(WebTestClient client, String uri, Object body) {
        return client.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
