package io.waybill.query.inventory;

import io.waybill.query.support.KeysetQuery;
import io.waybill.query.support.KeysetQuery.Key;
import io.r2dbc.spi.Row;
import io.waybill.api.Page;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.InTransitView;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntryView;
import io.waybill.api.inventory.StockTransferred;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Reads {@code ledger_entry_view} without blocking. */
@Repository
class LedgerEntryRepository {

    private final DatabaseClient client;

    LedgerEntryRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<Page<LedgerEntryView>> list(String orgId, ItemKind kind, LedgerFilter filter, PageRequest page) {
        return entries(orgId)
                .where("e.item_kind = :kind", "kind", kind.name())
                .where("e.item_id = :item", "item", filter.itemId())
                .where("e.location_id = :location", "location", filter.locationId())
                .where("e.entry_type = :type", "type", filter.type() == null ? null : filter.type().name())
                .where("e.ref = :ref", "ref", filter.ref())
                .where("e.event_date >= :dateFrom", "dateFrom", filter.dateFrom())
                .where("e.event_date <= :dateTo", "dateTo", filter.dateTo())
                .page(client, page, LedgerEntryRepository::view);
    }

    Mono<LedgerEntryView> find(String orgId, ItemKind kind, String id) {
        return client.sql("SELECT e.* FROM ledger_entry_view e WHERE e.org_id = :org AND e.item_kind = :kind "
                        + "AND e.id = :id")
                .bind("org", orgId).bind("kind", kind.name()).bind("id", id)
                .map((row, meta) -> view(row)).one();
    }

    /** Transfers that left their source and are neither completed nor reversed, optionally of one item or to one
     * destination. */
    Mono<Page<InTransitView>> inTransit(String orgId, String itemId, String toLocationId, PageRequest page) {
        Instant now = Instant.now();
        return entries(orgId)
                .where("e.recorded_as = :recordedAs", "recordedAs", StockTransferred.class.getSimpleName())
                .where("e.completed_by_entry_id IS NULL AND e.reversed_by_entry_id IS NULL")
                .where("e.item_id = :item", "item", itemId)
                .where("e.to_location_id = :location", "location", toLocationId)
                .page(client, page, row -> inTransit(row, now));
    }

    /**
     * The organisation's entries in ledger order: by event date, then by the time the entry was recorded, then by
     * id. A backdated entry takes its place by its date, so one recorded while a client pages through the ledger
     * shows up only if it falls after the page the client has reached.
     */
    private static KeysetQuery entries(String orgId) {
        return KeysetQuery.ordered("SELECT e.* FROM ledger_entry_view e", "e", orgId, Key.date("event_date"),
                Key.instant("created_at"), Key.text("id"));
    }

    private static InTransitView inTransit(Row row, Instant now) {
        LocalDate eventDate = row.get("event_date", LocalDate.class);
        Instant createdAt = Rows.instant(row, "created_at");
        return new InTransitView(row.get("id", String.class), row.get("code", String.class),
                ItemKind.valueOf(row.get("item_kind", String.class)), row.get("item_id", String.class),
                row.get("ref", String.class), row.get("location_id", String.class),
                row.get("to_location_id", String.class), Rows.decimal(row, "quantity").abs(), eventDate, createdAt,
                row.get("actor", String.class),
                Math.max(0, ChronoUnit.DAYS.between(eventDate, LocalDate.ofInstant(now, ZoneOffset.UTC))),
                Math.max(0, Duration.between(createdAt, now).toSeconds()));
    }

    static LedgerEntryView view(Row row) {
        ItemKind kind = ItemKind.valueOf(row.get("item_kind", String.class));
        String itemId = row.get("item_id", String.class);
        return new LedgerEntryView(row.get("id", String.class), row.get("org_id", String.class),
                row.get("code", String.class), kind, itemId, kind == ItemKind.MATERIAL ? itemId : null,
                kind == ItemKind.SKU ? itemId : null, row.get("location_id", String.class),
                EntryType.valueOf(row.get("entry_type", String.class)), Rows.decimal(row, "quantity"),
                Rows.decimal(row, "unit_cost"), row.get("ref", String.class),
                row.get("to_location_id", String.class), row.get("notes", String.class),
                row.get("event_date", LocalDate.class), row.get("source_type", String.class),
                row.get("source_id", String.class), row.get("reverses_entry_id", String.class),
                row.get("reversed_by_entry_id", String.class), row.get("completed_by_entry_id", String.class),
                row.get("actor", String.class), Rows.instant(row, "created_at"));
    }
}
