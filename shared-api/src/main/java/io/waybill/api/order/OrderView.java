package io.waybill.api.order;

import java.time.Instant;
import java.util.List;

public record OrderView(String sid, String organizationSid, String uniqueName, String vendorSid, String vendorName,
                        String title, List<String> eventRelations, Instant created, Instant updated) {
}
