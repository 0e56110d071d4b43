package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class WorkOrderApiPostgresIT extends WorkOrderApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
