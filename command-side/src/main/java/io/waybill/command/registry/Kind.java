package io.waybill.command.registry;

/** The kinds of resource the registry knows, each with the noun used in messages. */
public enum Kind {
    ORDER("order"),
    ITEM("item"),
    ITEM_GROUP("item group"),
    LOCATION("location"),
    VENDOR("vendor"),
    MATERIAL_TYPE("material type"),
    MATERIAL("material"),
    SKU_TYPE("SKU type"),
    SKU("SKU");

    private final String noun;

    Kind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
