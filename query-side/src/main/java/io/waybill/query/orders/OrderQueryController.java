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

    static final int MAX_BULK_SIDS = 100;
    private final OrderRepository orders;

    OrderQueryController(OrderRepository orders) {
        this.orders = orders;
    }

    @GetMapping
    Mono<Page<OrderView>> list(RequestContext context, @RequestParam(required = false) List<String> sid,
                               @RequestParam(required = false) String vendorSid,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String limit) {
        List<String> sids = sid == null ? List.of() : sid;
        if (sids.size() > MAX_BULK_SIDS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "at most " + MAX_BULK_SIDS + " sid parameters are allowed", Map.of("field", "sid"));
        }
        return orders.list(context.orgId(), sids, vendorSid, PageRequest.of(cursor, limit));
    }

    @GetMapping("/{sidOrUniqueName}")
    Mono<OrderView> get(RequestContext context, @PathVariable String sidOrUniqueName) {
        return orders.find(context.orgId(), sidOrUniqueName)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("order", sidOrUniqueName)));
    }
}
