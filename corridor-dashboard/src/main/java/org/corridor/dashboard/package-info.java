/**
 * The operator's dashboard: server-rendered pages (JTE templates compiled at build time, htmx for the parts that
 * refresh) mounted on the API's server as a {@link org.corridor.api.PageGroup}.
 *
 * <p>It only reads: committed objects through {@link org.corridor.core.port.ObjectReader}, balances and transfers
 * through {@link org.corridor.core.port.LedgerReader}, rates through {@link org.corridor.core.port.FxRates}, and the
 * payment intents a commit listener hands it ({@link org.corridor.dashboard.PaymentFeed}). It never sees a card
 * number: a device token shows as the last four digits its intent keeps. It may depend on {@code corridor-core},
 * {@code corridor-codec} (QR images), {@code corridor-api} (the server it mounts on), Javalin and JTE; never on the
 * store, the services, the gateway, the vault or the app.
 */
package org.corridor.dashboard;
