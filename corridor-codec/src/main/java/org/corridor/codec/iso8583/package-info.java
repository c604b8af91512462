/**
 * ISO 8583:1987 messages on top of j8583: the message types Corridor speaks ({@link
 * org.corridor.codec.iso8583.Mti}), a typed view of their data elements ({@link
 * org.corridor.codec.iso8583.CardMessage}), the encoder and decoder ({@link
 * org.corridor.codec.iso8583.IsoMessages}) whose field layouts live in {@code iso8583/corridor-1987.xml}, and the
 * two-byte length-prefix framing ({@link org.corridor.codec.iso8583.LengthPrefixFraming}).
 *
 * <p>No sockets and no request matching here: those belong to the gateway. Depends on j8583 and the JDK.
 */
package org.corridor.codec.iso8583;
