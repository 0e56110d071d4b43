package io.waybill.query.orders;

import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.Page;
import io.waybill.api.order.OrderView;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

@RestController
@Access(Role.VIEWER)
@RequestMapping("/api/orders")
class OrderQueryController {

    static final int MAX_BULK_IDS = 100;
    private final OrderRepository orders;

    OrderQueryController(OrderRepository orders) {
        this.orders = orders;
    }

    @GetMapping
    Mono<Page<OrderView>> list(RequestContext context, @RequestParam(required = false) List<String> id,
                               @RequestParam(required = false) String vendorId,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String limit) {
        List<String> ids = id == null ? List.of() : id;
        if (ids.size() > MAX_BULK_IDS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "at most " + MAX_BULK_IDS + " id parameters are allowed", Map.of("field", "id"));
        }
        return orders.list(context.orgId(), ids, vendorId, PageRequest.of(cursor, limit));
    }

    @GetMapping("/{idOrUniqueName}")
    Mono<OrderView> get(RequestContext context, @PathVariable String idOrUniqueName) {
        return orders.find(context.orgId(), idOrUniqueName)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("order", idOrUniqueName)));
    }
}
