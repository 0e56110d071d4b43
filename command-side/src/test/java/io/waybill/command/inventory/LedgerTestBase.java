package io.waybill.command.inventory;

import io.waybill.api.catalog.CatalogKind;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.CompleteTransfer;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.inventory.ReverseLedgerEntry;
import io.waybill.command.support.Counters;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A ledger fixture with a real registry, catalog references and ledger book on a private H2 database. */
abstract class LedgerTestBase {

    static final String ORG = "org-1";
    static final String OTHER_ORG = "org-2";
    static final String MATERIAL = "material-1";
    static final String SKU = "sku-1";
    static final String A = "loc-a";
    static final String B = "loc-b";
    static final String MATERIAL_LEDGER = LedgerId.of(MATERIAL);
    static final String SKU_LEDGER = LedgerId.of(SKU);
    static final LocalDate DAY = LocalDate.of(2026, 5, 10);

    JdbcTemplate jdbc;
    CatalogReferences references;
    AggregateTestFixture<InventoryLedger> fixture;

    @BeforeEach
    void setUpFixture() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__command_side_registry.sql"),
                new ClassPathResource("db/migration/V24__registry_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V5__catalog_references_and_ledger_index.sql"),
                new ClassPathResource("db/migration/V25__ledger_index_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V26__catalog_reference_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V11__number_counters.sql"))
                .execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        EntityRegistry registry = new EntityRegistry(jdbc);
        registry.register(MATERIAL, ORG, CatalogKinds.of(CatalogKind.MATERIAL), "", "M-1");
        registry.register(SKU, ORG, CatalogKinds.of(CatalogKind.SKU), "", "S-1");
        registry.register(A, ORG, CatalogKinds.of(CatalogKind.LOCATION), "", "A");
        registry.register(B, ORG, CatalogKinds.of(CatalogKind.LOCATION), "", "B");
        references = new CatalogReferences(jdbc);
        fixture = new AggregateTestFixture<>(InventoryLedger.class);
        fixture.registerInjectableResource(new LedgerBook(jdbc));
        fixture.registerInjectableResource(new Counters(jdbc));
        fixture.registerInjectableResource(references);
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static RecordLedgerEntry material(String entryId, EntryType type, String location, String quantity) {
        return record(ItemKind.MATERIAL, entryId, type, location, null, quantity, DAY);
    }

    static RecordLedgerEntry material(String entryId, EntryType type, String location, String quantity,
                                      LocalDate date) {
        return record(ItemKind.MATERIAL, entryId, type, location, null, quantity, date);
    }

    static RecordLedgerEntry sku(String entryId, EntryType type, String location, String quantity) {
        return record(ItemKind.SKU, entryId, type, location, null, quantity, DAY);
    }

    static RecordLedgerEntry transfer(String entryId, String from, String to, String quantity) {
        return record(ItemKind.MATERIAL, entryId, EntryType.TRANSFER, from, to, quantity, DAY);
    }

    static RecordLedgerEntry record(ItemKind kind, String entryId, EntryType type, String location, String to,
                                    String quantity, LocalDate date) {
        String item = kind == ItemKind.SKU ? SKU : MATERIAL;
        return new RecordLedgerEntry(LedgerId.of(item), ORG, kind, item, entryId, type, location, to, qty(quantity),
                null, null, null, date, null, null);
    }

    static CompleteTransfer complete(String ref, String entryId, LocalDate date) {
        return new CompleteTransfer(MATERIAL_LEDGER, ORG, ref, entryId, date, null);
    }

    static ReverseLedgerEntry reverse(String ledgerId, String reversedEntryId, String entryId) {
        return new ReverseLedgerEntry(ledgerId, ORG, reversedEntryId, entryId, DAY, null);
    }

    static BalanceChange change(String location, Bucket bucket, String delta) {
        return new BalanceChange(location, bucket, qty(delta));
    }

    static LedgerEntry entry(String id, String code, EntryType type, String location, String quantity,
                             BalanceChange... changes) {
        return new LedgerEntry(id, code, type, location, null, qty(quantity), null, null, null, DAY, "manual", null,
                null, List.of(changes));
    }
}
