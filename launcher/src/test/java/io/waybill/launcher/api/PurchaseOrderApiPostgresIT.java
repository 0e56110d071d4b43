package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class PurchaseOrderApiPostgresIT extends PurchaseOrderApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
