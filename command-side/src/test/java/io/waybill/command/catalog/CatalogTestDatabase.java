package io.waybill.command.catalog;

import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;

/**
 * The real registry and catalog references on a private in-memory H2 database with the production schema (the
 * registry's migration and the one that adds catalog references).
 */
final class CatalogTestDatabase {

    private static final String[] MIGRATIONS = {"db/migration/V2__command_side_registry.sql",
            "db/migration/V24__registry_writes_carried_by_events.sql",
            "db/migration/V5__catalog_references_and_ledger_index.sql",
            "db/migration/V26__catalog_reference_writes_carried_by_events.sql"};
    final EntityRegistry registry;
    final CatalogReferences references;

    CatalogTestDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:catalog-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        for (String migration : MIGRATIONS) {
            populator.addScript(new ClassPathResource(migration));
        }
        populator.execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        registry = new EntityRegistry(jdbc);
        references = new CatalogReferences(jdbc);
    }
}
