package io.waybill.platform.web;

import io.waybill.platform.request.JsonRequests;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Decoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Reads a request body into the request record an endpoint declares ({@code @RequestBody CreateOrderRequest}):
 * well-formed UTF-8 JSON first ({@link StrictJsonDecoder}), then {@link JsonRequests}, which refuses unknown
 * fields and tells every fault of the body at once. The endpoint's signature so names the body's shape, which is
 * what the OpenAPI document shows. Only the service's own records are read this way.
 */
final class RequestRecordDecoder implements Decoder<Object> {

    private static final ResolvableType JSON = ResolvableType.forClass(JsonNode.class);
    private final StrictJsonDecoder json;
    private final ObjectProvider<JsonRequests> requests;

    RequestRecordDecoder(StrictJsonDecoder json, ObjectProvider<JsonRequests> requests) {
        this.json = json;
        this.requests = requests;
    }

    @Override
    public boolean canDecode(ResolvableType elementType, MimeType mimeType) {
        Class<?> type = elementType.resolve();
        return type != null && type.isRecord() && type.getName().startsWith("io.waybill.")
                && json.canDecode(JSON, mimeType);
    }

    @Override
    public Mono<Object> decodeToMono(Publisher<DataBuffer> input, ResolvableType elementType, MimeType mimeType,
                                     Map<String, Object> hints) {
        return json.decodeToMono(input, JSON, mimeType, hints)
                .map(body -> requests.getObject().read((JsonNode) body, elementType.resolve()));
    }

    @Override
    public Flux<Object> decode(Publisher<DataBuffer> input, ResolvableType elementType, MimeType mimeType,
                               Map<String, Object> hints) {
        return Flux.from(decodeToMono(input, elementType, mimeType, hints));
    }

    @Override
    public List<MimeType> getDecodableMimeTypes() {
        return json.getDecodableMimeTypes();
    }
}
