/**
 * The services behind the API's ports: commands run on the single writer ({@link
 * org.corridor.services.WriterCommands}), committed objects served from memory ({@link
 * org.corridor.services.CommittedObjects}), ledger balances from the store, and webhook dispatch. May depend
 * on core, store and gateway; the API never sees this package, only the ports in {@code org.corridor.core.port}.
 */
package org.corridor.services;
