package io.waybill.api.purchaseorder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.waybill.api.inventory.ItemKind;

import java.util.Arrays;

/** What a purchase order buys: materials, or finished goods (SKUs); every line is of that kind. */
public enum TargetType {
    MATERIALS("materials", ItemKind.MATERIAL, "materialId"),
    FINISHED_GOODS("finished_goods", ItemKind.SKU, "skuId");

    private final String value;
    private final ItemKind itemKind;
    private final String itemField;

    TargetType(String value, ItemKind itemKind, String itemField) {
        this.value = value;
        this.itemKind = itemKind;
        this.itemField = itemField;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public ItemKind itemKind() {
        return itemKind;
    }

    /** The field a line names its item in: {@code materialId} or {@code skuId}. */
    public String itemField() {
        return itemField;
    }

    @JsonCreator
    public static TargetType of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("targetType must be one of materials, finished_goods"));
    }
}
