package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class WorkOrderApiEmbeddedTest extends WorkOrderApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
