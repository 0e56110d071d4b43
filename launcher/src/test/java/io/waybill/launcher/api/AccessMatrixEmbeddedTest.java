package io.waybill.launcher.api;

import io.waybill.api.access.Role;
import io.waybill.launcher.fixture.NoteFeature;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The matrix on the embedded database, with the test fixture's feature added to the service as it is. */
class AccessMatrixEmbeddedTest extends AccessMatrixContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }

    @Override
    protected Class<?>[] sources() {
        return NoteFeature.with(super.sources());
    }

    @Test
    void aFeatureAddedWithNoEditHereIsInTheMatrix() {
        assertThat(endpoints()).filteredOn(endpoint -> endpoint.pattern().equals("/api/test-notes"))
                .singleElement().satisfies(notes -> assertThat(notes.role()).isEqualTo(Role.MEMBER));
    }
}
