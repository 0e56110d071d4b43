package io.waybill.query.itemgroups;

import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.LineStatus;
import io.waybill.api.Page;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

@RestController
@Access(Role.VIEWER)
@RequestMapping("/api/item-groups")
class ItemGroupQueryController {

    private final ItemGroupRepository itemGroups;
    private final ItemGroupLookup lookups;

    ItemGroupQueryController(ItemGroupRepository itemGroups, ItemGroupLookup lookups) {
        this.itemGroups = itemGroups;
        this.lookups = lookups;
    }

    @GetMapping
    Mono<Page<ItemGroupView>> list(RequestContext context, @RequestParam(required = false) String itemId,
                                   @RequestParam(required = false) String orderId,
                                   @RequestParam(required = false) String statusNot,
                                   @RequestParam(required = false) String title,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit) {
        var filter = new ItemGroupFilter(itemId, orderId, status(statusNot), title);
        return itemGroups.list(context.orgId(), filter, PageRequest.of(cursor, limit));
    }

    @GetMapping("/{idOrUniqueName}")
    Mono<ItemGroupView> get(RequestContext context, @PathVariable String idOrUniqueName,
                            @ParameterObject ItemGroupNames names) {
        return lookups.itemGroup(context.orgId(), idOrUniqueName, names, false);
    }

    private static LineStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LineStatus.of(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "statusNot: " + e.getMessage(),
                    Map.of("field", "statusNot"));
        }
    }
}
