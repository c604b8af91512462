/**
 * EMV data for ISO 8583 DE55: the BER-TLV tags Corridor reads and writes ({@link
 * org.corridor.codec.emv.EmvTag}), built and parsed with ber-tlv by {@link org.corridor.codec.emv.EmvTlv}
 * within fixed bounds. Depends on ber-tlv and the JDK.
 */
package org.corridor.codec.emv;
