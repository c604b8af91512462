package org.corridor.sim.issuer;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.corridor.core.Check;

/**
 * One simulated issuing bank, as generated from the seed.
 *
 * @param id a stable identifier such as {@code bank-007}
 * @param name a display name
 * @param network the card network of all its BINs
 * @param bins its 6- or 8-digit bank identification numbers, none a prefix of another bank's
 * @param currency the billing currency of its cardholder accounts; requests must arrive in it
 * @param transactionLimitMinor the largest amount one authorization or purchase may carry, in minor units
 * @param declinePerMille how many requests in a thousand it declines with "05 do not honour" regardless of funds
 */
public record SimulatedBank(
        String id,
        String name,
        CardNetwork network,
        List<String> bins,
        Currency currency,
        long transactionLimitMinor,
        int declinePerMille) {

    /** The largest decline ratio: a bank of this many per mille declines every request. */
    public static final int DECLINE_PER_MILLE_MAX = 1_000;

    public SimulatedBank {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(currency, "currency");
        bins = List.copyOf(bins);
        Check.that(!bins.isEmpty(), "a bank has at least one BIN");
        for (String bin : bins) {
            Check.that((bin.length() == 6 || bin.length() == 8) && CardNetwork.of(bin) == network,
                    "a BIN has 6 or 8 digits in its bank's network range");
        }
        Check.that(transactionLimitMinor > 0, "a transaction limit is positive");
        Check.that(declinePerMille >= 0 && declinePerMille <= DECLINE_PER_MILLE_MAX,
                "a decline ratio is 0 to " + DECLINE_PER_MILLE_MAX + " per mille");
    }

    /** The same bank with another decline ratio, such as 1000 to decline every request. */
    public SimulatedBank withDeclinePerMille(int perMille) {
        return new SimulatedBank(id, name, network, bins, currency, transactionLimitMinor, perMille);
    }
}
