/**
 * Durable storage for the ledger: the {@link org.corridor.store.LedgerStore} port and its SQLite
 * (embedded default) and PostgreSQL adapters, with Flyway migrations per database.
 *
 * <p>{@link org.corridor.store.Stores#open(String)} picks the adapter from the JDBC URL;
 * {@link org.corridor.store.Database} opens and migrates the database itself, with explicitly bounded
 * connection pools. The adapters share their SQL reads; each writes a batch its database's fastest way
 * (JDBC batches on SQLite, binary COPY and array joins on PostgreSQL).
 *
 * <p>May depend on {@code corridor-core} and JDBC libraries; never on the API, simulators or the app.
 */
package org.corridor.store;
