package io.waybill.launcher.api;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class TimelineApiPostgresIT extends TimelineApiContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
