package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class StockPostingsEmbeddedTest extends StockPostingsContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
