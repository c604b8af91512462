/**
 * {@code corridor serve}: builds the API server from the version 1 route groups and runs it until the process
 * is asked to stop. Depends on {@code corridor-api}; it opens no store (the ledger is wired in later).
 */
package org.corridor.app.serve;
