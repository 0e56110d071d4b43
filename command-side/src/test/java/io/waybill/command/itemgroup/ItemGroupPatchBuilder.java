package io.waybill.command.itemgroup;

import io.waybill.api.Change;
import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.ItemGroupPatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds an {@link ItemGroupPatch} naming only the fields a test changes. */
final class ItemGroupPatchBuilder {

    private Change<BigDecimal> quantity;
    private Change<String> trackingNumber;
    private Change<LocalDate> dueDate;
    private Change<LocalDate> shipDate;
    private Change<Boolean> shipped;
    private Change<LocalDate> deliveryDate;
    private Change<Boolean> delivered;
    private Change<Instant> lastUpdateDate;
    private Change<LocalDate> estimatedArrivalDate;
    private Change<String> uniqueName;
    private Change<LineStatus> status;
    private boolean confirmed;
    private Change<List<String>> eventRelations;

    static ItemGroupPatchBuilder patch() {
        return new ItemGroupPatchBuilder();
    }

    ItemGroupPatchBuilder quantity(String value) {
        quantity = Change.to(value == null ? null : new BigDecimal(value));
        return this;
    }

    ItemGroupPatchBuilder trackingNumber(String value) {
        trackingNumber = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder dueDate(LocalDate value) {
        dueDate = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder shipDate(LocalDate value) {
        shipDate = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder shipped(Boolean value) {
        shipped = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder deliveryDate(LocalDate value) {
        deliveryDate = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder delivered(Boolean value) {
        delivered = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder lastUpdateDate(Instant value) {
        lastUpdateDate = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder estimatedArrivalDate(LocalDate value) {
        estimatedArrivalDate = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder uniqueName(String value) {
        uniqueName = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder status(LineStatus value) {
        status = Change.to(value);
        return this;
    }

    ItemGroupPatchBuilder confirmed() {
        confirmed = true;
        return this;
    }

    ItemGroupPatchBuilder eventRelations(List<String> value) {
        eventRelations = Change.to(value);
        return this;
    }

    ItemGroupPatch build() {
        return new ItemGroupPatch(quantity, trackingNumber, dueDate, shipDate, shipped, deliveryDate, delivered,
                lastUpdateDate, estimatedArrivalDate, uniqueName, status, confirmed, eventRelations);
    }
}
