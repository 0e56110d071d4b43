package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzField.Kind;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.waybill.launcher.api.fuzz.FuzzField.bool;
import static io.waybill.launcher.api.fuzz.FuzzField.date;
import static io.waybill.launcher.api.fuzz.FuzzField.decimal;
import static io.waybill.launcher.api.fuzz.FuzzField.names;
import static io.waybill.launcher.api.fuzz.FuzzField.ids;
import static io.waybill.launcher.api.fuzz.FuzzField.instant;
import static io.waybill.launcher.api.fuzz.FuzzField.integer;
import static io.waybill.launcher.api.fuzz.FuzzField.name;
import static io.waybill.launcher.api.fuzz.FuzzField.oneOf;
import static io.waybill.launcher.api.fuzz.FuzzField.sid;
import static io.waybill.launcher.api.fuzz.FuzzField.text;

/**
 * Every write endpoint that reads a body, found in the service's request mappings: those whose paths name records
 * or whose bodies hold lines or rows are written here, with a template against the seeded targets and the fields
 * (a pattern or a list of quantities is told only here); the fields of their request records are added.
 * DELETE and {@code /leave} take no body, so a malformed one would not stop them: they are left out.
 */
public final class WriteEndpoints {

    private static final int MAX_DAYS = 36_500;
    private static final Set<String> STATUSES = Set.of("active", "canceled");
    private static final List<FuzzField> ORDER = List.of(name("vendorId"), name("vendorName"), name("uniqueName"),
            text("title", 1000), ids("eventRelations", 10));
    private static final List<FuzzField> ITEM = List.of(name("uniqueName"), text("title", 1000),
            oneOf("status", STATUSES), decimal("quantity", Kind.DECIMAL_POSITIVE),
            decimal("pricePerUnit", Kind.DECIMAL_NON_NEGATIVE), decimal("nonRecurringCost", Kind.DECIMAL_NON_NEGATIVE),
            integer("leadTime", 0, MAX_DAYS), integer("shipTime", 0, MAX_DAYS),
            integer("lineNumber", 0, Integer.MAX_VALUE), text("description", 4000), name("manufacturerPartNumber"),
            name("revision"), ids("eventRelations", 10));
    private static final List<FuzzField> GROUP = List.of(decimal("quantity", Kind.DECIMAL_POSITIVE),
            name("trackingNumber"), date("dueDate"), date("shipDate"), bool("shipped"), date("deliveryDate"),
            bool("delivered"), instant("lastUpdateDate"), date("estimatedArrivalDate"), name("uniqueName"),
            oneOf("status", STATUSES), ids("eventRelations", 10));
    private static final List<FuzzField> GROUP_PATCH = plus(GROUP, bool("confirmed"));

    private WriteEndpoints() {
    }

    /**
     * Every endpoint the service maps that reads a body. Those written here have templates against the targets,
     * and their fields are those written (which their body's record must have) and every other field of the record
     * whose kind {@link RecordFields} knows. Any other endpoint whose body is a record of known fields, on a path
     * that names nothing, is fuzzed with its required fields as the template (a new feature's create, say).
     */
    public static List<WriteEndpoint> all(FuzzTargets t, List<MappedEndpoint> mapped) {
        List<WriteEndpoint> all = new ArrayList<>(written(t));
        List<String> unfuzzed = new ArrayList<>();
        for (MappedEndpoint endpoint : mapped) {
            for (String method : endpoint.takesBody() ? endpoint.methods() : Set.<String>of()) {
                if (!addRecordFields(all, method, endpoint)) {
                    derived(method, endpoint).ifPresentOrElse(all::add,
                            () -> unfuzzed.add(method + " " + endpoint.pattern()));
                }
            }
        }
        if (!unfuzzed.isEmpty()) {
            throw new IllegalStateException("endpoints that read a body the fuzzer has no template for (their paths "
                    + "name records, or their bodies are no record of known fields): write them one here: "
                    + unfuzzed);
        }
        return List.copyOf(all);
    }

    /** Gives the endpoints written for the mapped one its record's other fields; false if none is written. */
    private static boolean addRecordFields(List<WriteEndpoint> all, String method, MappedEndpoint endpoint) {
        PathPattern pattern = PathPatternParser.defaultInstance.parse(endpoint.pattern());
        boolean covered = false;
        for (int i = 0; i < all.size(); i++) {
            WriteEndpoint written = all.get(i);
            if (written.method().equals(method) && pattern.matches(PathContainer.parsePath(written.path()))) {
                covered = true;
                if (endpoint.bodyRecord() != null && !written.bulk()) {
                    all.set(i, withRecordFields(written, endpoint.bodyRecord()));
                }
            }
        }
        return covered;
    }

    /** The endpoint from its record alone, on a path that names nothing: only its required fields are given. */
    private static Optional<WriteEndpoint> derived(String method, MappedEndpoint endpoint) {
        if (endpoint.bodyRecord() == null || endpoint.pattern().contains("{")
                || !RecordFields.unknown(endpoint.bodyRecord()).isEmpty()) {
            return Optional.empty();
        }
        List<FuzzField> fields = RecordFields.of(endpoint.bodyRecord());
        return Optional.of(new WriteEndpoint(method, endpoint.pattern(), fields, RecordFields.requiredOnly(fields),
                method.equals("PATCH"), false, false, false));
    }

    /** The endpoint with every field of its body's record it was not written with, where the kind is known. */
    private static WriteEndpoint withRecordFields(WriteEndpoint written, Class<? extends Record> record) {
        Set<String> declared = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        if (!declared.containsAll(written.fieldNames())) {
            throw new IllegalStateException(written + " is written with the fields " + new TreeSet<>(
                    written.fieldNames()) + " but its body " + record.getSimpleName() + " has " + new TreeSet<>(
                    declared));
        }
        List<FuzzField> more = RecordFields.of(record).stream()
                .filter(field -> !written.fieldNames().contains(field.name())).toList();
        return written.withFields(Stream.concat(written.fields().stream(), more.stream()).toList());
    }

    private static List<WriteEndpoint> written(FuzzTargets t) {
        List<WriteEndpoint> all = new ArrayList<>();
        all.addAll(ordersAndLots(t));
        all.addAll(CatalogEndpoints.all(t));
        all.addAll(InventoryEndpoints.all(t));
        all.addAll(PurchaseOrderEndpoints.all(t));
        all.addAll(WorkOrderEndpoints.all(t));
        all.addAll(AccessEndpoints.all(t));
        return List.copyOf(all);
    }

    private static List<WriteEndpoint> ordersAndLots(FuzzTargets t) {
        String s = t.suffix();
        var bulkRow = WriteEndpoint.create("/api/item-groups/bulk-update", map("id", t.splitGroup(),
                "trackingNumber", "1Z-BULK"), plus(GROUP_PATCH, sid("id").required(), integer("version", 0,
                Integer.MAX_VALUE)));
        return List.of(
                WriteEndpoint.create("/api/orders", map("id", "fz-new-o-" + s, "vendorId", "vendor-1"),
                        plus(with(ORDER, name("vendorId").required()), sid("id"))),
                WriteEndpoint.update("/api/orders/" + t.order(), map("title", "Renamed order"), ORDER),
                WriteEndpoint.create("/api/items", map("id", "fz-new-i-" + s, "orderId", t.order(), "quantity", "3"),
                        plus(with(ITEM, decimal("quantity", Kind.DECIMAL_POSITIVE).required()), sid("id"),
                                sid("orderId").required(), name("orderUniqueName"))),
                WriteEndpoint.update("/api/items/" + t.item(), map("title", "Hex bolt"), ITEM),
                WriteEndpoint.create("/api/item-groups", map("id", "fz-new-g-" + s, "itemId", t.item(),
                        "quantity", "1"), plus(with(GROUP, decimal("quantity", Kind.DECIMAL_POSITIVE).required()),
                        sid("id"), sid("itemId").required(), name("itemUniqueName"), sid("orderId"),
                        name("orderUniqueName"))),
                WriteEndpoint.update("/api/item-groups/" + t.splitGroup(), map("trackingNumber", "1Z-FUZZ"),
                        GROUP_PATCH),
                WriteEndpoint.create("/api/item-groups/" + t.splitGroup() + "/split",
                        map("quantities", List.of("1", "1")), List.of(FuzzField.quantities("quantities").required(),
                                ids("newIds", 100), names("newUniqueNames", 100))),
                WriteEndpoint.create("/api/item-groups/combine", map("itemGroupIds", List.of(t.combineA(),
                        t.combineB())), List.of(ids("itemGroupIds", 100).required())),
                bulkRow.asRows(),
                bulkRow.asEnvelope(500));
    }

    /** A JSON object from alternating names and values, in that order. */
    static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static List<FuzzField> plus(List<FuzzField> fields, FuzzField... more) {
        return Stream.concat(fields.stream(), Stream.of(more)).toList();
    }

    /** The fields with one replaced by another of the same name. */
    static List<FuzzField> with(List<FuzzField> fields, FuzzField replacement) {
        return fields.stream().map(f -> f.name().equals(replacement.name()) ? replacement : f).toList();
    }
}
