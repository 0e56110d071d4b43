package io.waybill.command.catalog;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.BomDeleted;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomReplaced;
import io.waybill.api.catalog.BomView;
import io.waybill.api.catalog.CatalogDetails;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CatalogRecordChanged;
import io.waybill.api.catalog.CatalogRecordCreated;
import io.waybill.api.catalog.CatalogRecordDeleted;
import io.waybill.api.catalog.CatalogRecordView;
import io.waybill.api.catalog.CreateBom;
import io.waybill.api.catalog.CreateCatalogRecord;
import io.waybill.api.catalog.DeleteBom;
import io.waybill.api.catalog.DeleteCatalogRecord;
import io.waybill.api.catalog.ReadBom;
import io.waybill.api.catalog.ReplaceBom;
import io.waybill.api.catalog.UpdateCatalogRecord;
import io.waybill.command.config.CommandSideConfig;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.registry.Kind;
import io.waybill.command.support.RecordFields;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * One record of the catalog, of any kind: the kinds differ only in their fields, their unique field and whether
 * they have a type, so one aggregate with typed details keeps one set of rules. A SKU also holds its bill of
 * materials, which has no life apart from the SKU. Rules that need no state live in {@link CatalogRules}.
 */
@Aggregate(cache = CommandSideConfig.AGGREGATE_CACHE)
class CatalogRecord {

    @AggregateIdentifier
    private String id;
    private String orgId;
    private CatalogDetails details;
    private Instant created;
    private Instant updated;
    private List<BomLine> bom;

    CatalogRecord() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CatalogRecordView handle(CreateCatalogRecord command, EntityRegistry registry, CatalogReferences references) {
        CatalogDetails given = command.details();
        CatalogDetails complete = RecordFields.merge(CatalogRules.defaults(given.kind()), given, Set.of());
        CatalogRules.requireComplete(complete);
        registry.register(command.id(), command.orgId(), CatalogKinds.of(complete.kind()), "",
                complete.uniqueValue(), complete.uniqueField());
        if (complete.typeId() != null) {
            CatalogRules.useType(references, command.orgId(), complete, command.id());
        }
        apply(new CatalogRecordCreated(command.id(), command.orgId(), complete));
        return view();
    }

    @CommandHandler
    CatalogRecordView handle(UpdateCatalogRecord command, EntityRegistry registry, CatalogReferences references) {
        requireLive(command.orgId(), command.patch().kind());
        CatalogDetails next = RecordFields.merge(details, command.patch(), command.cleared());
        List<String> changed = RecordFields.changed(details, next);
        if (changed.isEmpty()) {
            return view();
        }
        CatalogRules.requireComplete(next);
        if (!Objects.equals(details.uniqueValue(), next.uniqueValue())) {
            registry.rename(orgId, id, kind(), next.uniqueValue(), next.uniqueField());
        }
        if (!Objects.equals(details.typeId(), next.typeId())) {
            CatalogRules.useType(references, orgId, next, id);
            references.release(details.typeId(), id);
        }
        apply(new CatalogRecordChanged(id, next, changed));
        return view();
    }

    @CommandHandler
    String handle(DeleteCatalogRecord command, EntityRegistry registry, CatalogReferences references) {
        requireLive(command.orgId(), command.kind());
        references.requireUnused(orgId, kind(), id);
        if (bom != null) {
            references.releaseAll(orgId, CatalogRules.bomReferrer(id));
            apply(new BomDeleted(id));
        }
        references.releaseAll(orgId, id);
        registry.markDeleted(orgId, id);
        apply(new CatalogRecordDeleted(id, details.kind()));
        return id;
    }

    @CommandHandler
    BomView handle(CreateBom command, CatalogReferences references) {
        requireLive(command.orgId(), CatalogKind.SKU);
        if (bom != null) {
            throw DomainException.conflict("SKU " + id + " already has a bill of materials",
                    Map.of("outputSkuId", id));
        }
        return replaceBom(command.items(), references);
    }

    @CommandHandler
    BomView handle(ReplaceBom command, CatalogReferences references) {
        requireBom(command.orgId());
        return replaceBom(command.items(), references);
    }

    @CommandHandler
    String handle(DeleteBom command, CatalogReferences references) {
        requireBom(command.orgId());
        references.releaseAll(orgId, CatalogRules.bomReferrer(id));
        apply(new BomDeleted(id));
        return id;
    }

    @CommandHandler
    BomView handle(ReadBom command) {
        requireLive(command.orgId(), CatalogKind.SKU);
        if (bom == null) {
            throw DomainException.invalid(command.field(), "SKU " + id + " has no bill of materials: a work order "
                    + "makes a SKU from its BOM (PUT /api/boms/" + id + ")");
        }
        return new BomView(id, bom);
    }

    private BomView replaceBom(List<BomLine> items, CatalogReferences references) {
        CatalogRules.useComposition(references, orgId, id, bom, items);
        if (!items.equals(bom)) {
            apply(new BomReplaced(id, items));
        }
        return new BomView(id, bom);
    }

    private Kind kind() {
        return CatalogKinds.of(details.kind());
    }

    /** Another organisation's record, or one of another kind, is not found: ids tell nothing across them. */
    private void requireLive(String callerOrg, CatalogKind expected) {
        if (!orgId.equals(callerOrg) || details.kind() != expected) {
            throw DomainException.notFound(expected.noun(), id);
        }
    }

    private void requireBom(String callerOrg) {
        requireLive(callerOrg, CatalogKind.SKU);
        if (bom == null) {
            throw DomainException.notFound("bill of materials of SKU", id);
        }
    }

    private CatalogRecordView view() {
        return new CatalogRecordView(id, orgId, details, created, updated);
    }

    @EventSourcingHandler
    void on(CatalogRecordCreated event, @Timestamp Instant at) {
        id = event.id();
        orgId = event.orgId();
        details = event.details();
        created = at;
        updated = at;
    }

    @EventSourcingHandler
    void on(CatalogRecordChanged event, @Timestamp Instant at) {
        details = event.details();
        updated = at;
    }

    @EventSourcingHandler
    void on(BomReplaced event) {
        bom = List.copyOf(event.items());
    }

    @EventSourcingHandler
    void on(BomDeleted event) {
        bom = null;
    }

    @EventSourcingHandler
    void on(CatalogRecordDeleted event) {
        markDeleted();
    }
}
