package io.waybill.command.itemgroup;

import io.waybill.command.registry.EntityRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;

/** A real {@link EntityRegistry} on a private in-memory H2 database with the production schema. */
public final class TestRegistries {

    private static final String[] MIGRATIONS = {"db/migration/V2__command_side_registry.sql",
            "db/migration/V24__registry_writes_carried_by_events.sql"};

    private TestRegistries() {
    }

    public static EntityRegistry inMemory() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:registry-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        for (String migration : MIGRATIONS) {
            populator.addScript(new ClassPathResource(migration));
        }
        populator.execute(dataSource);
        return new EntityRegistry(new JdbcTemplate(dataSource));
    }
}
