package io.waybill.api.inventory;

/** The balances kept per item and location. Available is not kept: it is on hand less allocated. */
public enum Bucket {
    ON_HAND,
    IN_TRANSIT,
    ON_ORDER,
    DEMAND,
    ALLOCATED
}
