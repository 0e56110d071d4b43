package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;

import java.time.Duration;
import java.util.Map;

class GapEmbeddedTest extends GapContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }

    @Override
    protected int writers() {
        return 6;
    }

    @Override
    protected Duration writeFor() {
        return Duration.ofSeconds(8);
    }
}
