/**
 * The device wallet simulator: one phone holding device tokens, and the client it and its merchants use to reach
 * the Corridor API.
 *
 * <p>{@link org.corridor.sim.wallet.DeviceWallet} is one phone: its provisioned
 * {@link org.corridor.sim.wallet.DeviceToken}s, each with the token key handed over at enrolment and its own
 * application transaction counter. For one payment it hands out a {@link org.corridor.sim.wallet.TokenPresentment}:
 * the device PAN, the ATC, the one-time cryptogram over the payment and the unpredictable number it covers, as the
 * {@code device_token} object the merchant puts into its confirm request.
 * {@link org.corridor.sim.wallet.WalletApiClient} speaks the token and payment-intent routes over
 * {@link org.corridor.sim.wallet.ApiTransport} (JDK HTTP client, explicit connect and request timeouts, bounded
 * replies) and returns small typed results; {@link org.corridor.sim.wallet.TestCards} picks seeded test cards spread
 * over the simulated banks.
 *
 * <p>May depend on {@code corridor-core}, {@code corridor-vault} (cryptograms, the masked {@code Pan}),
 * {@link org.corridor.sim.issuer} (the seeded banks and their card numbers) and Jackson. Card numbers and device PANs
 * never reach a {@code toString()} or a message unmasked: at most the first six and the last four digits.
 */
package org.corridor.sim.wallet;
