package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class AccessApiPostgresIT extends AccessApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
