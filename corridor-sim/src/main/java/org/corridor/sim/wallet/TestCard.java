package org.corridor.sim.wallet;

import java.util.Objects;
import org.corridor.sim.issuer.SimulatedBank;

/**
 * One seeded test card: the simulated bank that issues it, its index among that bank's cards, and the details the
 * cardholder types into the wallet. Prints masked.
 *
 * @param bank the issuing bank; payments with the card must be in its currency
 * @param index the card's index at its bank, as passed to {@code SimulatedBanks.cardNumber}
 * @param details number, expiry and name
 */
public record TestCard(SimulatedBank bank, int index, CardDetails details) {
    /** Checks the fields. */
    public TestCard {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(details, "details");
        if (index < 0) throw new IllegalArgumentException("a card index is not negative");
    }

    /** The card number masked. */
    public String maskedNumber() {
        return details.maskedNumber();
    }

    @Override
    public String toString() {
        return "TestCard[" + bank.id() + " #" + index + ", " + bank.network() + ", "
                + bank.currency().getCurrencyCode() + ", " + maskedNumber() + "]";
    }
}
