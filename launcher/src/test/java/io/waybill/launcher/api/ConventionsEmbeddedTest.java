package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class ConventionsEmbeddedTest extends ConventionsContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
