package io.waybill.command.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.api.DomainError;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Problems;
import io.waybill.platform.web.ApiErrorHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Function;

/** Small helpers the write controllers share. */
public final class WriteSupport {

    private WriteSupport() {
    }

    /** The answer to a delete: the id of what it deleted. */
    public record DeletedAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String deletedId) {
    }

    /** The answer to a bulk request: a row's outcome per row, in the rows' order. */
    public record BulkAnswer(List<BulkRow> data) {
    }

    /**
     * One row's outcome: {@code id} is there unless a failed row named no record, {@code error} only on a failed row,
     * in the form of the error envelope's {@code error}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkRow(int index, @Schema(allowableValues = {"created", "updated", "failed"}) String status,
                          String id, DomainError error) {
    }

    /** The body of a request that takes no fields: none, or an empty object. */
    public record NoFields() {
    }

    /** A bulk request: its rows, each the shape of the endpoint's single write. */
    public record BulkRequest(@ArraySchema(schema = @Schema(type = "object")) JsonNode rows) {
    }

    /** The rows of a bulk request, 1 to {@code max} of them. */
    public static JsonNode bulkRows(JsonRequests requests, JsonNode json, int max) {
        Problems problems = new Problems();
        JsonNode rows = requests.read(json, BulkRequest.class, problems).rows();
        if (rows == null || !rows.isArray() || rows.isEmpty() || rows.size() > max) {
            problems.reject("rows", "must be an array of 1 to " + max + " rows");
        }
        problems.throwIfAny();
        return rows;
    }

    /**
     * The answer to a bulk request, {@code {"data": [{index, status, id?, error?}]}}: each row written on its own, in
     * order, so one bad row does not stop the others. {@code write} answers the id of the record a row wrote;
     * {@code idOfFailed} names the record a failed row was meant for, if it says.
     */
    public static Mono<BulkAnswer> bulk(JsonNode rows, String done, Function<JsonNode, Mono<String>> write,
                                        Function<JsonNode, String> idOfFailed) {
        return Flux.range(0, rows.size())
                .concatMap(index -> Mono.defer(() -> write.apply(rows.get(index)))
                        .map(id -> new BulkRow(index, done, id, null))
                        .onErrorResume(failure -> Mono.just(new BulkRow(index, "failed",
                                idOfFailed.apply(rows.get(index)), ApiErrorHandler.toError(failure)))))
                .collectList()
                .map(BulkAnswer::new);
    }
}
