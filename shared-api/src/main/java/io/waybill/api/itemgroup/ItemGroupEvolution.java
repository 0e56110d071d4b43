package io.waybill.api.itemgroup;

import io.waybill.api.LineStatus;

/**
 * How each event changes a lot's details: the one definition that the aggregate and the read model both follow,
 * so the two cannot drift apart.
 */
public final class ItemGroupEvolution {

    private ItemGroupEvolution() {
    }

    public static ItemGroupDetails apply(ItemGroupDetails d, ItemGroupEvent event) {
        if (event instanceof ItemGroupCreated e) {
            return e.details();
        } else if (event instanceof ItemGroupShipped e) {
            return copy(d).shipDate(e.shipDate()).shipped(true).build();
        } else if (event instanceof ItemGroupShipmentReverted) {
            return copy(d).shipped(false).delivered(false).build();
        } else if (event instanceof ItemGroupDelivered e) {
            return copy(d).deliveryDate(e.deliveryDate()).shipped(true).delivered(true).build();
        } else if (event instanceof ItemGroupDeliveryReverted) {
            return copy(d).delivered(false).build();
        } else if (event instanceof ItemGroupRescheduled e) {
            return copy(d).dueDate(e.dueDate()).build();
        } else if (event instanceof ItemGroupShipDateChanged e) {
            return copy(d).shipDate(e.shipDate()).build();
        } else if (event instanceof ItemGroupDeliveryDateChanged e) {
            return copy(d).deliveryDate(e.deliveryDate()).build();
        } else if (event instanceof ItemGroupArrivalEstimated e) {
            return copy(d).estimatedArrivalDate(e.estimatedArrivalDate()).build();
        } else if (event instanceof ItemGroupQuantityChanged e) {
            return d.withQuantity(e.quantity());
        } else if (event instanceof ItemGroupTrackingNumberChanged e) {
            return copy(d).trackingNumber(e.trackingNumber()).build();
        } else if (event instanceof ItemGroupConfirmed e) {
            return copy(d).lastUpdateDate(e.lastUpdateDate()).build();
        } else if (event instanceof ItemGroupLastUpdateDateChanged e) {
            return copy(d).lastUpdateDate(e.lastUpdateDate()).build();
        } else if (event instanceof ItemGroupCanceled) {
            return copy(d).status(LineStatus.CANCELED).build();
        } else if (event instanceof ItemGroupReactivated) {
            return copy(d).status(LineStatus.ACTIVE).build();
        } else if (event instanceof ItemGroupRenamed e) {
            return d.withUniqueName(e.uniqueName());
        } else if (event instanceof ItemGroupRelationsChanged e) {
            return copy(d).eventRelations(e.eventRelations()).build();
        } else if (event instanceof ItemGroupSplit e) {
            return d.withQuantity(e.quantity());
        } else if (event instanceof ItemGroupAbsorbed e) {
            return d.withQuantity(e.quantity());
        }
        return d;
    }

    private static Builder copy(ItemGroupDetails d) {
        return new Builder(d);
    }

    private static final class Builder {
        private String uniqueName;
        private java.math.BigDecimal quantity;
        private java.time.LocalDate dueDate;
        private java.time.LocalDate shipDate;
        private java.time.LocalDate deliveryDate;
        private boolean shipped;
        private boolean delivered;
        private String trackingNumber;
        private java.time.Instant lastUpdateDate;
        private java.time.LocalDate estimatedArrivalDate;
        private LineStatus status;
        private java.util.List<String> eventRelations;

        Builder(ItemGroupDetails d) {
            uniqueName = d.uniqueName();
            quantity = d.quantity();
            dueDate = d.dueDate();
            shipDate = d.shipDate();
            deliveryDate = d.deliveryDate();
            shipped = d.shipped();
            delivered = d.delivered();
            trackingNumber = d.trackingNumber();
            lastUpdateDate = d.lastUpdateDate();
            estimatedArrivalDate = d.estimatedArrivalDate();
            status = d.status();
            eventRelations = d.eventRelations();
        }

        Builder dueDate(java.time.LocalDate value) {
            dueDate = value;
            return this;
        }

        Builder shipDate(java.time.LocalDate value) {
            shipDate = value;
            return this;
        }

        Builder deliveryDate(java.time.LocalDate value) {
            deliveryDate = value;
            return this;
        }

        Builder shipped(boolean value) {
            shipped = value;
            return this;
        }

        Builder delivered(boolean value) {
            delivered = value;
            return this;
        }

        Builder trackingNumber(String value) {
            trackingNumber = value;
            return this;
        }

        Builder lastUpdateDate(java.time.Instant value) {
            lastUpdateDate = value;
            return this;
        }

        Builder estimatedArrivalDate(java.time.LocalDate value) {
            estimatedArrivalDate = value;
            return this;
        }

        Builder status(LineStatus value) {
            status = value;
            return this;
        }

        Builder eventRelations(java.util.List<String> value) {
            eventRelations = value;
            return this;
        }

        ItemGroupDetails build() {
            return new ItemGroupDetails(uniqueName, quantity, dueDate, shipDate, deliveryDate, shipped, delivered,
                    trackingNumber, lastUpdateDate, estimatedArrivalDate, status, eventRelations);
        }
    }
}
