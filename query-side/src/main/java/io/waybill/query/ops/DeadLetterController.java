package io.waybill.query.ops;

import io.waybill.api.Page;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/ops/dead-letters}: the events a projection failed on and parked, of the caller's organisation. */
@RestController
@Access(Role.ADMIN)
@RequestMapping("/api/ops/dead-letters")
class DeadLetterController {

    private final DeadLetters letters;
    private final BlockingCalls blocking;

    DeadLetterController(DeadLetters letters, BlockingCalls blocking) {
        this.letters = letters;
        this.blocking = blocking;
    }

    @GetMapping
    Mono<Page<DeadLetterView>> list(RequestContext context, @RequestParam(required = false) String projection,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return blocking.call(() -> letters.list(context.orgId(), projection, page));
    }

    @GetMapping("/{id}")
    Mono<DeadLetterView> one(RequestContext context, @PathVariable String id) {
        return blocking.call(() -> letters.one(context.orgId(), id));
    }

    @PostMapping("/{id}/retry")
    Mono<DeadLetters.Outcome> retry(RequestContext context, @PathVariable String id) {
        return blocking.call(() -> letters.retry(context.orgId(), id));
    }

    @PostMapping("/{id}/evict")
    Mono<DeadLetters.Outcome> evict(RequestContext context, @PathVariable String id) {
        return blocking.call(() -> letters.evict(context.orgId(), id));
    }
}
