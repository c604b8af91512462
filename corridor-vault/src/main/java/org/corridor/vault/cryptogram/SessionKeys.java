package org.corridor.vault.cryptogram;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.DESParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * EMV Common Session Key Derivation (EMV 4.3 Book 2, Annex A1.3.1) for double-length Triple DES keys.
 *
 * <p>For an 8-byte diversification value R = R0 .. R7 the two halves of the session key are the Triple DES
 * encryptions, under the master key, of F1 = R0 || R1 || 'F0' || R3 .. R7 and F2 = R0 || R1 || '0F' || R3 .. R7;
 * the result is set to odd parity. For application cryptograms R is the two-byte ATC followed by six zero bytes,
 * so each ATC gives its own session key and a cryptogram made for one ATC is useless for any other.
 */
public final class SessionKeys {
    /** The highest application transaction counter: tag 9F36 is two bytes. */
    public static final int ATC_MAX = 0xFFFF;
    /** The length of the diversification value R: one DES block. */
    static final int DIVERSIFICATION_BYTES = 8;

    private static final int MARKER_INDEX = 2;
    private static final byte MARKER_LEFT = (byte) 0xF0;
    private static final byte MARKER_RIGHT = (byte) 0x0F;

    private SessionKeys() {}

    /**
     * The application cryptogram session key for {@code atc}: the common derivation with R = ATC || '00' x 6.
     *
     * @throws IllegalArgumentException if {@code atc} is outside 0 to {@value #ATC_MAX}
     */
    public static TokenKey forAtc(TokenKey master, int atc) {
        Objects.requireNonNull(master, "master");
        if (atc < 0 || atc > ATC_MAX) {
            throw new IllegalArgumentException("an ATC must be 0 to " + ATC_MAX + ", was " + atc);
        }
        byte[] r = new byte[DIVERSIFICATION_BYTES];
        r[0] = (byte) (atc >>> 8);
        r[1] = (byte) atc;
        return common(master, r);
    }

    /** The common session key for any 8-byte diversification value {@code r}; package-private for vectors. */
    static TokenKey common(TokenKey master, byte[] r) {
        if (r == null || r.length != DIVERSIFICATION_BYTES) {
            throw new IllegalArgumentException("a diversification value must be " + DIVERSIFICATION_BYTES + " bytes");
        }
        byte[] masterBytes = master.reveal();
        byte[] session = new byte[TokenKey.KEY_BYTES];
        try {
            DESedeEngine engine = new DESedeEngine();
            engine.init(true, new KeyParameter(masterBytes));
            byte[] block = r.clone();
            block[MARKER_INDEX] = MARKER_LEFT;
            engine.processBlock(block, 0, session, 0);
            block[MARKER_INDEX] = MARKER_RIGHT;
            engine.processBlock(block, 0, session, DIVERSIFICATION_BYTES);
            DESParameters.setOddParity(session);
            return TokenKey.of(session);
        } finally {
            Arrays.fill(masterBytes, (byte) 0);
            Arrays.fill(session, (byte) 0);
        }
    }
}
