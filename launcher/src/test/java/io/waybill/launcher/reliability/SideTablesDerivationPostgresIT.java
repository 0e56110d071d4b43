package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class SideTablesDerivationPostgresIT extends SideTablesDerivationContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
