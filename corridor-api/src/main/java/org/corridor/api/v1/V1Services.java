package org.corridor.api.v1;

import java.security.SecureRandom;
import org.corridor.core.port.LedgerReader;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.SwitchCommands;

/**
 * What the version 1 routes call: commands on the writer, committed objects, ledger balances, and the
 * randomness for new ids and secrets.
 */
public record V1Services(SwitchCommands commands, ObjectReader objects, LedgerReader ledger, SecureRandom random) {

    /** A new prefixed id with 128 random bits. */
    String newId(String prefix) {
        return prefix + new org.corridor.core.Id128(random.nextLong(), random.nextLong());
    }
}
