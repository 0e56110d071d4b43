package io.waybill.platform.security;

import io.waybill.api.access.Role;
import io.waybill.platform.request.CheckedRequest;
import io.waybill.platform.request.Problems;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Text;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * {@code POST /api/streams/tickets {path}}: a ticket that opens the event stream at {@code path} once, within a
 * minute, as {@code ?ticket=} with no other header (see {@link StreamTickets}). Any member may ask for one: the
 * stream itself still checks that the caller may read it.
 */
@RestController
@Access(Role.VIEWER)
class StreamTicketController {

    private final StreamTickets tickets;

    StreamTicketController(StreamTickets tickets) {
        this.tickets = tickets;
    }

    /** The path of one event stream of the API, without a query. */
    record TicketRequest(@Required @Text(max = 512) String path) implements CheckedRequest {

        private static final Pattern STREAM = Pattern.compile("/api/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*stream");

        @Override
        public void check(Problems problems) {
            if (path != null && !STREAM.matcher(path).matches()) {
                problems.reject("path", "must be the path of an event stream of the API, such as "
                        + "/api/events/stream or /api/item-groups/{id}/events/stream, without a query");
            }
        }
    }

    @PostMapping("/api/streams/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StreamTickets.Issued> issue(ServerWebExchange exchange, @RequestBody TicketRequest request) {
        return exchange.getPrincipal().cast(CallerAuthentication.class)
                .flatMap(caller -> tickets.issue(caller.caller(), request.path()));
    }
}
