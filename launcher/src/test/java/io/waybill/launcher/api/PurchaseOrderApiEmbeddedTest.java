package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class PurchaseOrderApiEmbeddedTest extends PurchaseOrderApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
