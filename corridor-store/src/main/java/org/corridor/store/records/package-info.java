/**
 * The switch's objects (participants, payment intents, idempotency records, events…) in stored form: one
 * row per object in {@code switch_record}, written by the projector beside the ledger's tables.
 */
package org.corridor.store.records;
