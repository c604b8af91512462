/**
 * Merchant-presented QR codes as the writer holds them (static: the shopper enters the amount; dynamic: amount and
 * reference inside, paid once) and paying one from a customer balance. The EMVCo payload itself is built and parsed
 * by the codec, behind {@link org.corridor.core.port.QrPayloads}. Depends on the rest of core only.
 */
package org.corridor.core.qr;
