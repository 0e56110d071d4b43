package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class InventoryApiEmbeddedTest extends InventoryApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
