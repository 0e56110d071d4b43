package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class ReplayEmbeddedTest extends ReplayContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
