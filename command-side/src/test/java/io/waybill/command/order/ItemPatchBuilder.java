package io.waybill.command.order;

import io.waybill.api.Change;
import io.waybill.api.LineStatus;
import io.waybill.api.order.ItemPatch;

import java.math.BigDecimal;

/** Builds an {@link ItemPatch} naming only the fields a test changes. */
final class ItemPatchBuilder {

    private Change<String> uniqueName;
    private Change<String> title;
    private Change<LineStatus> status;
    private Change<BigDecimal> quantity;
    private Change<String> description;

    static ItemPatchBuilder itemPatch() {
        return new ItemPatchBuilder();
    }

    ItemPatchBuilder uniqueName(String value) {
        uniqueName = Change.to(value);
        return this;
    }

    ItemPatchBuilder title(String value) {
        title = Change.to(value);
        return this;
    }

    ItemPatchBuilder status(LineStatus value) {
        status = Change.to(value);
        return this;
    }

    ItemPatchBuilder quantity(String value) {
        quantity = Change.to(value == null ? null : new BigDecimal(value));
        return this;
    }

    ItemPatchBuilder description(String value) {
        description = Change.to(value);
        return this;
    }

    ItemPatch build() {
        return new ItemPatch(uniqueName, title, status, quantity, null, null, null, null, null, description, null,
                null, null);
    }
}
