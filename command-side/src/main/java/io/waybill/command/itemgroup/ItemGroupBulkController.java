package io.waybill.command.itemgroup;

import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.WriteSupport.BulkAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.itemgroup.UpdateItemGroup;
import io.waybill.command.itemgroup.ItemGroupRequests.BulkRowTarget;
import io.waybill.command.itemgroup.ItemGroupRequests.UpdateItemGroupRequest;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Problems;
import tools.jackson.databind.node.ObjectNode;
import io.waybill.platform.web.BodyShape;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;

/** {@code POST /api/item-groups/bulk-update}: each row is its own update; one bad row does not stop the others. */
@RestController
@Access(Role.MEMBER)
class ItemGroupBulkController {

    static final int MAX_ROWS = 500;
    private final CommandSender sender;
    private final ItemGroupReferences references;
    private final Clock clock;
    private final JsonRequests requests;

    ItemGroupBulkController(CommandSender sender, ItemGroupReferences references, Clock clock,
                            JsonRequests requests) {
        this.sender = sender;
        this.references = references;
        this.clock = clock;
        this.requests = requests;
    }

    @PostMapping("/api/item-groups/bulk-update")
    Mono<BulkAnswer> bulkUpdate(RequestContext context,
                                @BodyShape(WriteSupport.BulkRequest.class)
                                @RequestBody JsonNode json) {
        JsonNode rows = WriteSupport.bulkRows(requests, json, MAX_ROWS);
        return WriteSupport.bulk(rows, "updated", row -> updateRow(context, row), ItemGroupBulkController::idOf);
    }

    private Mono<String> updateRow(RequestContext context, JsonNode row) {
        return Mono.defer(() -> {
            if (!row.isObject()) {
                return Mono.error(JsonRequests.notAnObject());
            }
            Problems problems = new Problems();
            var target = requests.read(only((ObjectNode) row, true), BulkRowTarget.class, problems);
            var patch = requests.read(only((ObjectNode) row, false), UpdateItemGroupRequest.class, problems);
            problems.throwIfAny();
            return sender.blocking(() -> references.itemGroup(context.orgId(), target.id()))
                    .flatMap(group -> sender.send(new UpdateItemGroup(group.id(), context.orgId(),
                            target.version() == null ? null : target.version().longValue(), patch.patch(clock)),
                            context))
                    .thenReturn(target.id());
        });
    }

    /** The row's fields that name the target ({@code id}, {@code version}), or all the others. */
    private static ObjectNode only(ObjectNode row, boolean target) {
        ObjectNode part = row.deepCopy();
        part.retain(row.propertyNames().stream()
                .filter(name -> BulkRowTarget.FIELDS.contains(name) == target).toList());
        return part;
    }

    private static String idOf(JsonNode row) {
        JsonNode id = row == null ? null : row.get("id");
        return id != null && id.isString() ? id.stringValue() : null;
    }
}
