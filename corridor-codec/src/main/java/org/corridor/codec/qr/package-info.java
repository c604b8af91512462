/**
 * EMVCo merchant-presented QR payloads (EMV QRCPS, merchant-presented mode): the string a merchant shows and
 * a payer's phone scans. {@link org.corridor.codec.qr.MerchantPayloadBuilder} writes one from Corridor's
 * merchant and payment data, {@link org.corridor.codec.qr.MerchantPayloadParser} reads a scanned one into a
 * {@link org.corridor.codec.qr.MerchantPayload} or refuses it with a {@link
 * org.corridor.codec.qr.QrPayloadException} carrying a {@link org.corridor.codec.qr.QrError} code and the
 * character position.
 *
 * <p>A scanned string is hostile input: every limit is named, nothing recurses, and every refusal is a
 * {@code QrPayloadException}. The reader is tolerant where the field is (it keeps unknown IDs for a round
 * trip and does not refuse a display name longer than the specification's limit), the writer is strict.
 *
 * <p>Depends on {@code corridor-core} and the JDK only; the images are in {@code org.corridor.codec.qr.render}.
 */
package org.corridor.codec.qr;
