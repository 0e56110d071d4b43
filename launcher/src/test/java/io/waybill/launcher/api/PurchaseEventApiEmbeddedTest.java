package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class PurchaseEventApiEmbeddedTest extends PurchaseEventApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
