package org.corridor.api.v1;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.corridor.core.port.CardRails;
import org.corridor.core.port.FxRates;
import org.corridor.core.port.LedgerReader;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.QrPayloads;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.state.IdSource;

/**
 * What the version 1 routes call: commands on the writer, committed objects, ledger balances, the card rails, QR
 * payloads, fresh ids for new objects, the randomness for secrets, and the exchange rates.
 */
public record V1Services(SwitchCommands commands, ObjectReader objects, LedgerReader ledger, CardRails cards,
        QrPayloads qr, IdSource ids, SecureRandom random, FxRates rates) {

    /** Random bytes in a client secret. */
    private static final int SECRET_BYTES = 16;

    /** A new prefixed object id. */
    String newId(String prefix) {
        return prefix + ids.next();
    }

    /** 128 random bits in hex: for secrets, never derived from an id. */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
