package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class StreamEmbeddedTest extends StreamContract {

    @Override
    protected Map<String, Object> store() {
        return TestDatabases.embedded();
    }
}
