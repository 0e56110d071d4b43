package io.waybill.command.catalog;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.LocationDetails;
import io.waybill.platform.request.JsonRequests;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFormsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CatalogForms forms = new CatalogForms(new JsonRequests(JSON,
            Validation.buildDefaultValidatorFactory().getValidator()));

    @Test
    void aCreateTakesTheGivenFieldsAndNeedsTheRequiredOnes() {
        var create = forms.create(CatalogKind.LOCATION, JSON.readTree("{\"name\":\"Dock\",\"country\":\"de\"}"), "org");
        assertThat(create.details()).isEqualTo(new LocationDetails("Dock", null, null, null, "DE", null, null, null,
                null));
        assertThatThrownBy(() -> forms.create(CatalogKind.MATERIAL, JSON.readTree("{\"name\":\"Steel\",\"code\":null}"),
                "org")).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details().get("fields"))
                .isEqualTo(Map.of("code", "is required", "typeId", "is required")));
    }

    @Test
    void anUpdateRemovesTheFieldsSetToNullExceptThoseThatCannotGo() {
        var update = forms.update(CatalogKind.LOCATION, "loc-1",
                JSON.readTree("{\"notes\":null,\"city\":\"Kiel\"}"), "org");
        assertThat(update.cleared()).isEqualTo(Set.of("notes"));
        assertThat(((LocationDetails) update.patch()).city()).isEqualTo("Kiel");
        assertThatThrownBy(() -> forms.update(CatalogKind.LOCATION, "loc-1", JSON.readTree("{\"name\":null}"), "org"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details().get("fields"))
                        .isEqualTo(Map.of("name", "must not be null")));
    }
}
