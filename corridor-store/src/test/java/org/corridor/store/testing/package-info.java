/**
 * Test support other modules reuse through corridor-store's test-jar: fresh SQLite and PostgreSQL ledger
 * stores for tests, each in its own file or schema.
 *
 * <p>PostgreSQL tests run against the server named by {@code -Dcorridor.test.postgres.url}; without it
 * they are skipped, unless {@code -Dcorridor.test.postgres.required=true} (as CI sets), which turns a
 * missing URL or a silent server into a failure. May depend on corridor-store, JDBC and JUnit.
 */
package org.corridor.store.testing;
