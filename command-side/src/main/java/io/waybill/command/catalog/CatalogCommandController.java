package io.waybill.command.catalog;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.command.support.WriteSupport.DeletedAnswer;
import io.waybill.command.support.CommandSender;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.catalog.CatalogAnswer;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordView;
import io.waybill.api.catalog.DeleteCatalogRecord;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;


/**
 * Creates, changes and deletes the records of every catalog collection. A record of another organisation or of
 * another collection is not found: the aggregate checks both, so no lookup precedes the command.
 */
@Refusals(ErrorCode.CONFLICT)
@RestController
@Access(Role.MEMBER)
@RequestMapping("/api/{collection:" + CatalogKind.PATHS + "}")
class CatalogCommandController {

    private final CommandSender sender;
    private final CatalogForms forms;

    CatalogCommandController(CommandSender sender, CatalogForms forms) {
        this.sender = sender;
        this.forms = forms;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CatalogAnswer> create(RequestContext context, @PathVariable String collection,
                               @RequestBody JsonNode json) {
        var command = forms.create(CatalogKind.ofPath(collection), json, context.orgId());
        return sender.<CatalogRecordView>send(command, context).map(CatalogRecordView::answer);
    }

    @PatchMapping("/{id}")
    Mono<CatalogAnswer> update(RequestContext context, @PathVariable String collection,
                               @PathVariable String id, @RequestBody JsonNode json) {
        var command = forms.update(CatalogKind.ofPath(collection), id, json, context.orgId());
        return sender.<CatalogRecordView>send(command, context).map(CatalogRecordView::answer);
    }

    @Refusals(ErrorCode.IN_USE)
    @Access(Role.ADMIN)
    @DeleteMapping("/{id}")
    Mono<DeletedAnswer> delete(RequestContext context, @PathVariable String collection,
                               @PathVariable String id) {
        return sender.<String>send(new DeleteCatalogRecord(id, context.orgId(), CatalogKind.ofPath(collection)),
                context).map(DeletedAnswer::new);
    }
}
