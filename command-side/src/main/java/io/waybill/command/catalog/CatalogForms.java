package io.waybill.command.catalog;

import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CreateCatalogRecord;
import io.waybill.api.catalog.UpdateCatalogRecord;
import io.waybill.command.catalog.CatalogRequests.CatalogRequest;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Patches;
import io.waybill.platform.request.Problems;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Turns catalog request bodies into commands: a create with its required fields, or a partial update. */
@Component
class CatalogForms {

    /** Fields a partial update may not remove: the required ones and those with a default. */
    private static final Set<String> NOT_CLEARABLE = Set.of("name", "code", "typeId", "sortOrder", "isActive",
            "itemsPerUnit");
    private final JsonRequests requests;

    CatalogForms(JsonRequests requests) {
        this.requests = requests;
    }

    CreateCatalogRecord create(CatalogKind kind, JsonNode json, String orgId) {
        Problems problems = new Problems();
        CatalogRequest request = requests.read(json, CatalogRequests.of(kind), problems);
        var fields = Patches.fields((Record) request);
        CatalogRequests.required(kind).stream().filter(field -> Patches.isEmpty(fields.get(field)))
                .forEach(field -> problems.reject(field, "is required"));
        problems.throwIfAny();
        return new CreateCatalogRecord(UUID.randomUUID().toString(), orgId, request.details());
    }

    UpdateCatalogRecord update(CatalogKind kind, String id, JsonNode json, String orgId) {
        Problems problems = new Problems();
        CatalogRequest request = requests.read(json, CatalogRequests.of(kind), problems);
        Set<String> cleared = new HashSet<>();
        Patches.fields((Record) request).forEach((field, value) -> {
            if (value.isPresent() && value.get() == null && NOT_CLEARABLE.contains(field)) {
                problems.reject(field, "must not be null");
            } else if (value.isPresent() && value.get() == null) {
                cleared.add(field);
            }
        });
        problems.throwIfAny();
        return new UpdateCatalogRecord(id, orgId, request.details(), cleared);
    }
}
