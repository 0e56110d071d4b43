package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class AccessApiTokensPostgresIT extends AccessApiTokensContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
