package io.waybill.api.itemgroup;

import java.util.List;

public record ItemGroupRelationsChanged(String itemGroupSid, List<String> eventRelations) implements ItemGroupEvent {
}
