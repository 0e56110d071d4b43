package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class AccessApiTokensEmbeddedTest extends AccessApiTokensContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
