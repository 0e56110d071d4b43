package io.waybill.command.workorder;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomView;
import io.waybill.api.catalog.ReadBom;
import io.waybill.command.support.CommandSender;
import io.waybill.platform.axon.CommandErrors;
import io.waybill.platform.web.RequestContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Reads a SKU's bill of materials as the catalog holds it now, for a line that records it: a body's SKU that is
 * not a live SKU of the organisation, or one without a BOM, is refused as invalid {@code field}.
 */
@Component
class BomReader {

    private final CommandSender sender;
    private final WorkOrderReferences references;

    BomReader(CommandSender sender, WorkOrderReferences references) {
        this.sender = sender;
        this.references = references;
    }

    Mono<List<BomLine>> read(RequestContext context, String skuId, String field) {
        return sender.blocking(() -> {
            references.requireSku(context.orgId(), skuId, field);
            return skuId;
        }).flatMap(sku -> sender.<BomView>send(new ReadBom(sku, context.orgId(), field), context)
                .onErrorMap(failure -> CommandErrors.refusedWith(failure, ErrorCode.NOT_FOUND),
                        failure -> DomainException.invalid(field, "no SKU " + skuId + " in this organisation"))
                .map(BomView::items));
    }
}
