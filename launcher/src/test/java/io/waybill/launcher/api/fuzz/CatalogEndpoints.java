package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzField.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.waybill.launcher.api.fuzz.FuzzField.bool;
import static io.waybill.launcher.api.fuzz.FuzzField.decimal;
import static io.waybill.launcher.api.fuzz.FuzzField.integer;
import static io.waybill.launcher.api.fuzz.FuzzField.name;
import static io.waybill.launcher.api.fuzz.FuzzField.patterned;
import static io.waybill.launcher.api.fuzz.FuzzField.sid;
import static io.waybill.launcher.api.fuzz.FuzzField.text;
import static io.waybill.launcher.api.fuzz.WriteEndpoints.map;

/** The catalog collections (create, change, import) and the BOMs. */
final class CatalogEndpoints {

    private static final int TEXT = 4000;
    private static final FuzzField COUNTRY = patterned("country", 2, "GB");
    private static final FuzzField ACTIVE = bool("isActive").notClearable();

    private CatalogEndpoints() {
    }

    static List<WriteEndpoint> all(FuzzTargets t) {
        String s = t.suffix();
        List<WriteEndpoint> all = new ArrayList<>();
        add(all, "locations", t.mainStore(), map("name", "Dock " + s), map("notes", "checked"), false,
                List.of(text("name", 100).required(), text("address", TEXT), text("city", 150), text("state", 100),
                        COUNTRY, text("zipCode", 20), text("notes", TEXT),
                        integer("sortOrder", 0, Integer.MAX_VALUE).notClearable(), ACTIVE));
        add(all, "vendors", t.vendor(), map("name", "Vendor " + s), map("notes", "checked"), true,
                List.of(name("name").required(), text("address", TEXT), name("city"), name("state"), COUNTRY,
                        name("zipCode"), name("term"), name("qboId"), text("notes", TEXT), ACTIVE));
        List<FuzzField> type = List.of(text("name", 100).required(),
                integer("sortOrder", Integer.MIN_VALUE, Integer.MAX_VALUE).notClearable(), ACTIVE);
        add(all, "material-types", t.materialType(), map("name", "Type " + s), map("sortOrder", 5), false, type);
        add(all, "sku-types", t.skuType(), map("name", "Kind " + s), map("sortOrder", 5), false, type);
        add(all, "materials", t.material(), map("code", "FZ-M-" + s, "name", "Fuzz material", "typeId",
                        t.materialType()), map("notes", "checked"), true,
                List.of(text("code", 100).required(), name("name").required(), sid("typeId").required(),
                        text("notes", TEXT), ACTIVE));
        add(all, "skus", t.sku(), map("code", "FZ-S-" + s, "name", "Fuzz product", "typeId", t.skuType()),
                map("notes", "checked"), true,
                List.of(text("code", 100).required(), name("name").required(), sid("typeId").required(),
                        integer("itemsPerUnit", 1, Integer.MAX_VALUE).notClearable(),
                        decimal("ozPerItem", Kind.DECIMAL_NON_NEGATIVE), name("qboId"), text("notes", TEXT), ACTIVE));
        List<FuzzField> bom = List.of(sid("outputSkuId").required(), FuzzField.bomLines("items").required());
        all.add(WriteEndpoint.create("/api/boms", map("outputSkuId", t.skuWithoutBom(), "items",
                List.of(map("materialId", t.material(), "quantityPerUnit", "2"))), bom));
        all.add(WriteEndpoint.create("/api/boms/" + t.sku(), map("items", List.of(map("materialId", t.material(),
                "quantityPerUnit", "3"))), List.of(sid("outputSkuId"), FuzzField.bomLines("items").required()))
                .withMethod("PUT"));
        return all;
    }

    private static void add(List<WriteEndpoint> all, String collection, String id, Map<String, Object> created,
                            Map<String, Object> changed, boolean imports, List<FuzzField> fields) {
        WriteEndpoint create = WriteEndpoint.create("/api/" + collection, created, fields);
        all.add(create);
        all.add(WriteEndpoint.update("/api/" + collection + "/" + id, changed, fields));
        if (imports) {
            Map<String, Object> imported = new LinkedHashMap<>(created);
            imported.computeIfPresent("name", (field, value) -> value + " imported");
            imported.computeIfPresent("code", (field, value) -> value + "-I");
            WriteEndpoint rows = WriteEndpoint.create("/api/" + collection + "/import", imported, fields);
            all.add(rows.asRows());
            all.add(rows.asEnvelope(500));
        }
    }
}
