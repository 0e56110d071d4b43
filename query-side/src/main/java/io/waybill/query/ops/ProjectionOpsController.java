package io.waybill.query.ops;

import io.waybill.api.ErrorCode;
import io.waybill.platform.web.Refusals;
import io.waybill.api.ListAnswer;
import io.waybill.api.access.Role;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;


/** {@code /api/ops/projections}: the state and lag of this process's projections, and their replays. */
@RestController
@Access(Role.ADMIN)
@RequestMapping("/api/ops/projections")
class ProjectionOpsController {

    private final ProjectionOps ops;
    private final BlockingCalls blocking;

    ProjectionOpsController(ProjectionOps ops, BlockingCalls blocking) {
        this.ops = ops;
        this.blocking = blocking;
    }

    @GetMapping
    Mono<ListAnswer<ProjectionStatus>> list(RequestContext context) {
        return blocking.call(() -> new ListAnswer<>(ops.all()));
    }

    @GetMapping("/{name}")
    Mono<ProjectionStatus> one(RequestContext context, @PathVariable String name) {
        return blocking.call(() -> ops.one(name));
    }

    @Refusals(ErrorCode.CONFLICT)
    @Access(Role.OWNER)
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ProjectionStatus> replay(RequestContext context, @PathVariable String name) {
        return blocking.call(() -> ops.replay(name));
    }

    @Refusals(ErrorCode.CONFLICT)
    @Access(Role.OWNER)
    @PostMapping("/{name}/replay/cancel")
    Mono<ProjectionStatus> cancelReplay(RequestContext context, @PathVariable String name) {
        return blocking.call(() -> ops.cancelReplay(name));
    }
}
