package io.waybill.command.catalog;

import io.waybill.api.catalog.CatalogKind;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogRequestsTest {

    @Test
    void eachKindsBodyHasTheFieldsOfItsDetails() {
        for (CatalogKind kind : CatalogKind.values()) {
            assertThat(names(CatalogRequests.of(kind))).as(kind.name()).isEqualTo(names(kind.detailsType()));
        }
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
