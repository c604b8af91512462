/**
 * Durable storage for the ledger: the {@link org.corridor.store.LedgerStore} port and its SQLite
 * (embedded default) and PostgreSQL adapters, with Flyway migrations per database.
 *
 * <p>{@link org.corridor.store.Stores#open(String)} picks the adapter from the JDBC URL;
 * {@link org.corridor.store.Database} opens and migrates the database itself, with explicitly bounded
 * connection pools.
 *
 * <p>A batch becomes durable as one entry of the {@link org.corridor.store.BatchLog}: one small
 * sequential write and one sync, however many transfers it holds. The {@link org.corridor.store.Projector}
 * then folds many logged batches into one transaction of the relational tables (accounts, transfers,
 * indexes), off the acknowledgement path, each adapter its database's fastest way (JDBC batches on SQLite,
 * binary COPY and array joins on PostgreSQL). This is TigerBeetle's split between its write-ahead log and
 * its LSM tree: acknowledging costs one log append, and the indexes are built in bulk behind it. Reads wait
 * for the tables to hold every batch acknowledged before they asked; opening a store first writes into the
 * tables whatever the log holds beyond them.
 *
 * <p>May depend on {@code corridor-core} and JDBC libraries; never on the API, simulators or the app.
 */
package org.corridor.store;
