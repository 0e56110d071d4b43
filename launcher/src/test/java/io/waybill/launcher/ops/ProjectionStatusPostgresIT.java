package io.waybill.launcher.ops;

import io.waybill.testing.TestDatabases;

import java.util.Map;

class ProjectionStatusPostgresIT extends ProjectionStatusContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }
}
