/**
 * Card-rail wire formats: check digits, ISO 8583:1987 messages with their length-prefixed framing, and the
 * EMV BER-TLV data carried in DE55. Pure encoding and decoding: no sockets, no clock, no randomness.
 *
 * <p>May depend on {@code corridor-core}, j8583 and ber-tlv only.
 */
package org.corridor.codec;
