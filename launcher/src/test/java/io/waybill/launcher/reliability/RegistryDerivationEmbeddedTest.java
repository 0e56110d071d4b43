package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class RegistryDerivationEmbeddedTest extends RegistryDerivationContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
