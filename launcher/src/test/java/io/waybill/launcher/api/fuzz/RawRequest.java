package io.waybill.launcher.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request as bytes on the wire, spoiled outside its body: its method, its request target (path and query, with
 * percent-escapes as they are, well-formed or not), its headers and its body.
 *
 * @param spoil      what was spoiled, for the report
 * @param maySucceed a 2xx answer is allowed (a read whose spoiled value is still a valid one)
 */
public record RawRequest(String method, String target, Map<String, String> headers, byte[] body, String spoil,
                         boolean maySucceed) {

    public static RawRequest of(String method, String target, Map<String, String> headers, String spoil,
                                boolean maySucceed) {
        return new RawRequest(method, target, headers, new byte[0], spoil, maySucceed);
    }

    RawRequest withBody(String json) {
        return new RawRequest(method, target, headers, json.getBytes(StandardCharsets.UTF_8), spoil, maySucceed);
    }

    @Override
    public String toString() {
        return method + " " + FuzzRequest.printable(target) + " · " + spoil + " · headers "
                + FuzzRequest.printable(headers.toString()) + " · " + body.length + " bytes";
    }
}
