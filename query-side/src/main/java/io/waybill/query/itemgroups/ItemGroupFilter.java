package io.waybill.query.itemgroups;

import io.waybill.api.LineStatus;

/** The filters of {@code GET /api/item-groups}; {@code title} is the title of the lots' item. */
record ItemGroupFilter(String itemId, String orderId, LineStatus statusNot, String title) {
}
