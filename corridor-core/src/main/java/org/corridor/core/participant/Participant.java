package org.corridor.core.participant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;

/**
 * A party to the switch, with one ledger account per currency it works in.
 *
 * @param id {@code acct_…}
 * @param role what it is to Corridor
 * @param name display name
 * @param country ISO 3166-1 alpha-2, upper case
 * @param settlementCurrency the currency it is paid out or settles in
 * @param merchantCategoryCode ISO 18245 MCC for merchants and marketplaces; zero for other roles
 * @param payoutAccount where payouts go (an IBAN or an account reference); may be empty
 * @param feeBasisPoints the merchant discount rate, charged on every captured amount
 * @param accounts the participant's ledger account per currency code
 * @param binPrefixes for an issuer, the card number prefixes (BINs, 6 to 11 digits) of its cards; empty otherwise
 * @param metadata the owner's key-value pairs
 * @param createdAt nanoseconds since the epoch
 */
public record Participant(
        String id,
        ParticipantRole role,
        String name,
        String country,
        String settlementCurrency,
        int merchantCategoryCode,
        String payoutAccount,
        int feeBasisPoints,
        Map<String, Id128> accounts,
        List<String> binPrefixes,
        Map<String, String> metadata,
        long createdAt) implements OwnedObject {

    public Participant {
        accounts = Map.copyOf(accounts);
        binPrefixes = List.copyOf(binPrefixes);
        metadata = Map.copyOf(metadata);
    }

    /** Participants are the operator's: it alone lists and onboards them. */
    @Override
    public String ownerId() {
        return ParticipantOperations.OPERATOR_ID;
    }

    /** The participant's ledger account in a currency, if it works in it. */
    public Optional<Id128> account(String currency) {
        return Optional.ofNullable(accounts.get(currency));
    }

    /** The participant as opened: with its ledger accounts, stamped with the batch's time. */
    public Participant opened(Map<String, Id128> newAccounts, long at) {
        return new Participant(id, role, name, country, settlementCurrency, merchantCategoryCode, payoutAccount,
                feeBasisPoints, newAccounts, binPrefixes, metadata, at);
    }

    public Participant withAccounts(Map<String, Id128> newAccounts) {
        return new Participant(id, role, name, country, settlementCurrency, merchantCategoryCode, payoutAccount,
                feeBasisPoints, newAccounts, binPrefixes, metadata, createdAt);
    }
}
