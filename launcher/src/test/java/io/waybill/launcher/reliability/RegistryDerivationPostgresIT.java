package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class RegistryDerivationPostgresIT extends RegistryDerivationContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
