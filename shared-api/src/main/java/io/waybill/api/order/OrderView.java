package io.waybill.api.order;

import java.time.Instant;
import java.util.List;

public record OrderView(String id, String orgId, String uniqueName, String vendorId, String vendorName,
                        String title, List<String> eventRelations, Instant createdAt, Instant updatedAt) {
}
