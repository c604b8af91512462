/**
 * Device tokens, the Apple Pay half of Corridor, as the writer holds them: the card behind a token (its PAN
 * sealed, found by a keyed fingerprint), the token with its device, requestor, domain and lifecycle, the durable
 * application transaction counter window, and each authorization sent to an issuer.
 *
 * <p>Only opaque ciphertext and fingerprints live here: sealing and opening PANs and token keys is the vault's
 * work, on request threads. Depends on the rest of core only.
 */
package org.corridor.core.card;
