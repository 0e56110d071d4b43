package io.waybill.launcher.api.fuzz;

import io.waybill.api.inventory.EntryType;
import io.waybill.launcher.api.fuzz.FuzzField.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.waybill.launcher.api.fuzz.FuzzField.date;
import static io.waybill.launcher.api.fuzz.FuzzField.decimal;
import static io.waybill.launcher.api.fuzz.FuzzField.sid;
import static io.waybill.launcher.api.fuzz.FuzzField.text;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.map;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.plus;

/** The manual movements of both ledgers, and the completions and reversals that follow them. */
final class InventoryEndpoints {

    private static final int NOTES = 2000;
    private static final List<FuzzField> FOLLOW_UP = List.of(sid("id"), text("notes", NOTES), date("eventDate"));

    private InventoryEndpoints() {
    }

    static List<WriteEndpoint> all(FuzzTargets t) {
        List<WriteEndpoint> all = new ArrayList<>();
        for (String inventory : List.of(FuzzTargets.MATERIALS, FuzzTargets.FG)) {
            String field = FuzzTargets.itemField(inventory);
            String item = t.itemOf(inventory);
            List<FuzzField> common = List.of(sid("id"), text(field, 64).required(), text("locationId", 64).required(),
                    decimal("quantity", Kind.DECIMAL_POSITIVE).required(),
                    decimal("unitCost", Kind.DECIMAL_NON_NEGATIVE), text("notes", NOTES), date("eventDate"));
            all.add(WriteEndpoint.create(inventory + "/ledger", map("eventType", "RECEIVE", field, item,
                    "locationId", t.mainStore(), "quantity", "1"), plus(common, text("toLocationId", 64),
                    text("ref", 64), FuzzField.oneOf("eventType", movements(inventory)).required())));
            all.add(WriteEndpoint.create(inventory + "/transfers", map(field, item, "sourceLocationId",
                    t.mainStore(), "destinationLocationId", t.lineSide(), "quantity", "1"), List.of(sid("id"),
                    text(field, 64).required(), text("sourceLocationId", 64).required(),
                    text("destinationLocationId", 64).required(), decimal("quantity", Kind.DECIMAL_POSITIVE)
                            .required(), decimal("unitCost", Kind.DECIMAL_NON_NEGATIVE), text("ref", 64),
                    text("notes", NOTES), date("eventDate"))));
            all.add(WriteEndpoint.create(inventory + "/adjustments", map(field, item, "locationId", t.mainStore(),
                    "quantity", "1"), WriteEndpoints.with(common, decimal("quantity", Kind.DECIMAL_NON_ZERO)
                    .required())));
            all.add(WriteEndpoint.create(inventory + "/disposals", map(field, item, "locationId", t.mainStore(),
                    "quantity", "1"), common));
            all.add(WriteEndpoint.create(inventory + "/transfers/" + t.transferRefs().get(inventory) + "/complete",
                    map("notes", "arrived"), FOLLOW_UP).withOptionalBody());
            all.add(WriteEndpoint.create(inventory + "/ledger/" + t.reversibleEntries().get(inventory) + "/reverse",
                    map("notes", "wrong count"), FOLLOW_UP).withOptionalBody());
        }
        return all;
    }

    /** The entry types a manual entry may have: no reversal, and PRODUCE only for finished goods. */
    private static Set<String> movements(String inventory) {
        return Arrays.stream(EntryType.values())
                .filter(type -> !type.isReversal())
                .filter(type -> type != EntryType.PRODUCE || inventory.equals(FuzzTargets.FG))
                .map(EntryType::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
