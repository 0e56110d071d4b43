package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;

import java.time.Duration;
import java.util.Map;

class GapPostgresIT extends GapContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }

    @Override
    protected int writers() {
        return 16;
    }

    @Override
    protected Duration writeFor() {
        return Duration.ofSeconds(15);
    }
}
