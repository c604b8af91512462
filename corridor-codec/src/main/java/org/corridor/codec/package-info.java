/**
 * Card-rail wire formats: check digits, ISO 8583:1987 messages with their length-prefixed framing, the
 * EMV BER-TLV data carried in DE55, and EMVCo merchant-presented QR payloads with their images. Pure
 * encoding and decoding: no sockets, no clock, no randomness.
 *
 * <p>May depend on {@code corridor-core}, j8583, ber-tlv and ZXing (in {@code qr.render} only).
 */
package org.corridor.codec;
