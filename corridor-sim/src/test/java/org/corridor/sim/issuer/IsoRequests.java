package org.corridor.sim.issuer;

import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.Mti;

/** Requests the simulator's tests send, built the one way they are all built. */
final class IsoRequests {
    private IsoRequests() {}

    /** The 0400 that finds {@code original} by its trace number and terminal. */
    static CardMessage reversalOf(CardMessage original) {
        return CardMessage.builder(Mti.REVERSAL_REQUEST)
                .pan(original.pan())
                .processingCode(original.processingCode())
                .amountMinor(original.amountMinor())
                .stan(original.stan())
                .terminalId(original.terminalId())
                .currency(original.currency())
                .build();
    }

    /** An 0800 echo test. */
    static CardMessage echo(int stan) {
        return CardMessage.builder(Mti.NETWORK_MANAGEMENT_REQUEST)
                .stan(stan)
                .networkManagementCode(CardMessage.NETWORK_MANAGEMENT_ECHO)
                .build();
    }
}
