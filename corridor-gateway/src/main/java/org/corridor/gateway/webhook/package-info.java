/**
 * Webhook delivery to merchants' endpoints, following the Standard Webhooks specification
 * (https://www.standardwebhooks.com/).
 *
 * <p>{@link org.corridor.gateway.webhook.WebhookSecret} is an endpoint's signing key, which keeps itself out
 * of logs; {@link org.corridor.gateway.webhook.WebhookSigner} computes the {@code webhook-signature} header
 * (one HMAC-SHA256 signature per secret, so that secrets can be rotated without downtime);
 * {@link org.corridor.gateway.webhook.WebhookSender} makes one signed HTTP POST and reports a
 * {@link org.corridor.gateway.webhook.DeliveryOutcome}; {@link org.corridor.gateway.webhook.RetrySchedule}
 * says when to try again, for up to three days. Storing deliveries and running the retry loop belong to
 * the caller: these are building blocks and keep no state between attempts.
 *
 * <p>This package depends on the JDK and {@code corridor-core} only. Time (an {@code InstantSource}) and
 * randomness (a {@code RandomGenerator} or {@code SecureRandom}) are handed in; the only clock read here is
 * the monotonic one that measures how long an attempt took.
 */
package org.corridor.gateway.webhook;
