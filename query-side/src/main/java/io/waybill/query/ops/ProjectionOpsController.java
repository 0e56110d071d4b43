package io.waybill.query.ops;

import io.waybill.platform.web.RequestContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.List;
import java.util.Map;

/** {@code /api/ops/projections}: the state and lag of this process's projections, and replays. */
@RestController
@RequestMapping("/api/ops/projections")
class ProjectionOpsController {

    private final ProjectionOps ops;
    private final Scheduler blocking;

    ProjectionOpsController(ProjectionOps ops, @Qualifier("blockingScheduler") Scheduler blocking) {
        this.ops = ops;
        this.blocking = blocking;
    }

    @GetMapping
    Mono<Map<String, List<ProjectionStatus>>> list(RequestContext context) {
        return Mono.fromCallable(() -> Map.of("data", ops.all())).subscribeOn(blocking);
    }

    @GetMapping("/{name}")
    Mono<ProjectionStatus> one(RequestContext context, @PathVariable String name) {
        return Mono.fromCallable(() -> ops.one(name)).subscribeOn(blocking);
    }

    @PostMapping("/{name}/replay")
    Mono<ProjectionStatus> replay(RequestContext context, @PathVariable String name) {
        return Mono.fromCallable(() -> ops.replay(name)).subscribeOn(blocking);
    }
}
