package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class StreamPostgresIT extends StreamContract {

    @Override
    protected Map<String, Object> store() {
        return TestDatabases.postgres();
    }
}
