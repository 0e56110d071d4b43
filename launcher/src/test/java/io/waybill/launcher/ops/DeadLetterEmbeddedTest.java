package io.waybill.launcher.ops;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class DeadLetterEmbeddedTest extends DeadLetterContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }
}
