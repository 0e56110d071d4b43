package io.waybill.api.itemgroup;

/** What happens to a shipment lot. Stored history: never rename or move one of these. */
public sealed interface ItemGroupEvent permits ItemGroupCreated, ItemGroupShipped, ItemGroupShipmentReverted,
        ItemGroupDelivered, ItemGroupDeliveryReverted, ItemGroupRescheduled, ItemGroupShipDateChanged,
        ItemGroupDeliveryDateChanged, ItemGroupArrivalEstimated, ItemGroupQuantityChanged,
        ItemGroupTrackingNumberChanged, ItemGroupConfirmed, ItemGroupLastUpdateDateChanged, ItemGroupCanceled,
        ItemGroupReactivated, ItemGroupRenamed, ItemGroupRelationsChanged, ItemGroupSplit, ItemGroupAbsorbed,
        ItemGroupCombinedInto, ItemGroupDeleted {

    String itemGroupSid();
}
