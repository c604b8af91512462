package org.corridor.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date with the Flyway migrations of its kind. */
final class Migrations {
    private static final String LOCATION_ROOT = "classpath:db/migration/";

    private Migrations() {}

    /**
     * Migrates {@code dataSource}; on PostgreSQL into {@code schema} when one is given (created if missing),
     * else into the connection's current schema.
     */
    static void migrate(DatabaseKind kind, DataSource dataSource, String schema, String redactedUrl) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION_ROOT + kind.label())
                .failOnMissingLocations(true)
                .cleanDisabled(true);
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        try {
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the " + kind.label() + " database '" + redactedUrl + "': "
                    + e.getMessage(), e);
        }
    }
}
