package io.waybill.command.purchaseorder;

import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderPlaced;
import io.waybill.api.purchaseorder.PurchaseOrderStockPosted;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The purchase order the aggregate tests start from, and a fixture whose registry (on H2) holds its organisation's
 * catalog records: vendors, the dock and the yard, materials steel and bolt, SKU widget.
 */
final class PurchaseOrderFixtures {

    static final String ORG = "org-1";
    static final String PO = "po-1";
    static final String VENDOR = "vendor-1";
    static final String DOCK = "dock";
    static final String STEEL = "steel";
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final PurchaseOrderDetails DETAILS = new PurchaseOrderDetails(VENDOR, DOCK,
            LocalDate.of(2026, 12, 20), null, qty("15"), null, null, "first order");
    static final PurchaseOrderLine STEEL_LINE = new PurchaseOrderLine("line-1", STEEL, qty("100"), qty("2.5"));

    static PurchaseOrderCreated created() {
        return new PurchaseOrderCreated(PO, ORG, "PO-000001", TargetType.MATERIALS, DETAILS, List.of(STEEL_LINE));
    }

    /** The order placed (its one line on order), then {@code more}. */
    static List<Object> placed(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(created(), new PurchaseOrderPlaced(PO, NOW),
                posted(TODAY, posting(0, EntryType.ORDER, STEEL_LINE, "100"))));
        events.addAll(List.of(more));
        return events;
    }

    static PurchaseOrderStockPosted posted(LocalDate day, StockPosting... postings) {
        return new PurchaseOrderStockPosted(PO, ORG, ItemKind.MATERIAL, day, List.of(postings));
    }

    /** The entries of receipt {@code receiptId} (or of its deletion), dated today. */
    static PurchaseOrderStockPosted receiptPosted(String receiptId, StockPosting... postings) {
        return new PurchaseOrderStockPosted(PO, ORG, ItemKind.MATERIAL, TODAY, List.of(postings), receiptId);
    }

    /** The order's {@code n}-th entry, its id derived from the order and n. */
    static StockPosting posting(int n, EntryType type, PurchaseOrderLine line, String quantity) {
        return posting(n, type, line, DOCK, quantity);
    }

    /** The order's {@code n}-th entry, at {@code location}. */
    static StockPosting posting(int n, EntryType type, PurchaseOrderLine line, String location, String quantity) {
        String id = UUID.nameUUIDFromBytes((PO + "/stock/" + n).getBytes(StandardCharsets.UTF_8)).toString();
        return new StockPosting(id, type, line.lineId(), line.itemId(), location, qty(quantity), line.unitCost());
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static final String OTHER_VENDOR = "vendor-2";
    static final String BOLT = "bolt";
    static final String WIDGET = "widget";
    static final String YARD = "yard";
    /** An organisation whose setting asks that purchase orders be approved before they are placed. */
    static final String APPROVING_ORG = "org-approving";

    /** An aggregate fixture with the registry, catalog references, counters and a clock stopped at {@link #NOW}. */
    record Setup(AggregateTestFixture<PurchaseOrder> fixture, JdbcTemplate jdbc, CatalogReferences references) {
    }

    private PurchaseOrderFixtures() {
    }

    static Setup setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:po-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__command_side_registry.sql"),
                new ClassPathResource("db/migration/V24__registry_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V5__catalog_references_and_ledger_index.sql"),
                new ClassPathResource("db/migration/V25__ledger_index_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V26__catalog_reference_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V11__number_counters.sql")).execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EntityRegistry registry = new EntityRegistry(jdbc);
        registry.register(VENDOR, ORG, CatalogKinds.of(CatalogKind.VENDOR), "", "Acme");
        registry.register(OTHER_VENDOR, ORG, CatalogKinds.of(CatalogKind.VENDOR), "", "Bolt Works");
        registry.register(DOCK, ORG, CatalogKinds.of(CatalogKind.LOCATION), "", "Dock");
        registry.register(YARD, ORG, CatalogKinds.of(CatalogKind.LOCATION), "", "Yard");
        registry.register(STEEL, ORG, CatalogKinds.of(CatalogKind.MATERIAL), "", "ST-1");
        registry.register(BOLT, ORG, CatalogKinds.of(CatalogKind.MATERIAL), "", "BO-1");
        registry.register(WIDGET, ORG, CatalogKinds.of(CatalogKind.SKU), "", "WI-1");
        CatalogReferences references = new CatalogReferences(jdbc);
        AggregateTestFixture<PurchaseOrder> fixture = new AggregateTestFixture<>(PurchaseOrder.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(new Counters(jdbc));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ApprovalSetting) orgId -> orgId.equals(APPROVING_ORG));
        return new Setup(fixture, jdbc, references);
    }
}
