package io.waybill.command.catalog;

import io.waybill.command.support.WriteSupport;
import io.waybill.command.support.WriteSupport.BulkAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordView;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.web.BodyShape;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;


/**
 * {@code POST /api/{vendors|materials|skus}/import}: each row is validated and created on its own, in order, so
 * a row may use a code freed or taken by an earlier one; one bad row does not stop the others.
 */
@RestController
@Access(Role.MEMBER)
class CatalogImportController {

    static final int MAX_ROWS = 500;
    private final CommandSender sender;
    private final CatalogForms forms;
    private final JsonRequests requests;

    CatalogImportController(CommandSender sender, CatalogForms forms, JsonRequests requests) {
        this.sender = sender;
        this.forms = forms;
        this.requests = requests;
    }

    @PostMapping("/api/{collection:vendors|materials|skus}/import")
    Mono<BulkAnswer> importRows(RequestContext context, @PathVariable String collection,
                                @BodyShape(WriteSupport.BulkRequest.class)
                                @RequestBody JsonNode json) {
        CatalogKind kind = CatalogKind.ofPath(collection);
        JsonNode rows = WriteSupport.bulkRows(requests, json, MAX_ROWS);
        return WriteSupport.bulk(rows, "created", row -> sender.<CatalogRecordView>send(
                forms.create(kind, row, context.orgId()), context).map(CatalogRecordView::id), row -> null);
    }
}
