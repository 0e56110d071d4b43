package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What the clients were told: the ids and quantities of the accepted movements, and the refusals. */
final class MovementTally {

    final List<String> acceptedIds = new ArrayList<>();
    final List<String> others = new ArrayList<>();
    long taken;
    long transferred;
    long refused;
    int smallestRefused = Integer.MAX_VALUE;

    MovementTally(List<Api.Reply> replies, int[] quantities, boolean[] transfers) {
        for (int i = 0; i < replies.size(); i++) {
            Api.Reply reply = replies.get(i);
            if (reply.ok()) {
                JsonNode entry = transfers[i] ? reply.json().path("ledgerEntry") : reply.json();
                acceptedIds.add(entry.path("id").asString());
                taken += quantities[i];
                transferred += transfers[i] ? quantities[i] : 0;
            } else if (reply.status() == 409 && "insufficient_stock".equals(reply.errorCode())) {
                refused++;
                smallestRefused = Math.min(smallestRefused, quantities[i]);
            } else {
                others.add(reply.status() + " " + reply.body());
            }
        }
    }
}
