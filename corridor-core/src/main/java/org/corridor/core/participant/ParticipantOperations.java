package org.corridor.core.participant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.kyc.KycTiers;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.payment.TransferCodes;
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookOperations;

/** Commands on participants, API keys and customers; run on the writer thread. */
public final class ParticipantOperations {
    /** The operator's fixed id: there is one per installation. */
    public static final String OPERATOR_ID = "acct_operator";

    public enum KeyResult { OK, NOT_FOUND }

    /** In precedence order. */
    public enum CustomerResult { OK, NOT_A_WALLET_PROVIDER, CURRENCY_NOT_SUPPORTED, KYC_TIER_UNKNOWN }

    /** In precedence order. */
    public enum TopUpResult { OK, CUSTOMER_NOT_FOUND, CURRENCY_NOT_SUPPORTED, NET_DEBIT_CAP_EXCEEDED, LEDGER_REFUSED }

    private ParticipantOperations() {}

    /**
     * Opens a participant with one ledger account per currency (the spec's accounts and time are replaced),
     * and gives the operator an account in any of those currencies it lacks (fees are booked there).
     */
    public static Participant createParticipant(SwitchState state, Participant spec, List<String> currencies) {
        Check.that(state.find(RecordKind.PARTICIPANT, spec.id(), Participant.class).isEmpty(),
                "participant ids are fresh: " + spec.id());
        Participant participant = spec.opened(openAccounts(state, spec.id(), spec.role().accountCode(), 0, currencies),
                state.now());
        state.put(RecordKind.PARTICIPANT, participant.id(), participant);
        if (!participant.id().equals(OPERATOR_ID)) ensureOperatorAccounts(state, currencies);
        return participant;
    }

    /** The first of {@code prefixes} that an issuer already holds, if any: a BIN belongs to one issuer. */
    public static Optional<String> binPrefixTaken(SwitchState state, List<String> prefixes) {
        if (prefixes.isEmpty()) return Optional.empty();
        for (Object value : state.all(RecordKind.PARTICIPANT)) {
            for (String held : ((Participant) value).binPrefixes()) {
                if (prefixes.contains(held)) return Optional.of(held);
            }
        }
        return Optional.empty();
    }

    /** The operator, if it exists yet. */
    public static Optional<Participant> operator(SwitchState state) {
        return state.find(RecordKind.PARTICIPANT, OPERATOR_ID, Participant.class);
    }

    private static void ensureOperatorAccounts(SwitchState state, List<String> currencies) {
        Participant operator = operator(state).orElseThrow(
                () -> new IllegalStateException("the operator must exist before other participants"));
        List<String> missing = currencies.stream().filter(c -> operator.account(c).isEmpty()).toList();
        if (missing.isEmpty()) return;
        Map<String, Id128> accounts = new LinkedHashMap<>(operator.accounts());
        accounts.putAll(openAccounts(state, OPERATOR_ID, ParticipantRole.OPERATOR.accountCode(), 0, missing));
        state.put(RecordKind.PARTICIPANT, OPERATOR_ID, operator.withAccounts(accounts));
    }

    public static ApiKey createApiKey(SwitchState state, ApiKey key) {
        Check.that(state.find(RecordKind.API_KEY, key.id(), ApiKey.class).isEmpty(), "API key ids are fresh");
        state.put(RecordKind.API_KEY, key.id(), key);
        return key;
    }

    /** Revokes a key of {@code ownerId}'s; revoking a revoked key answers it as it stands. */
    public static Outcome<KeyResult, ApiKey> revokeApiKey(SwitchState state, String ownerId, String keyId) {
        Optional<ApiKey> key = state.find(RecordKind.API_KEY, keyId, ApiKey.class).filter(k -> k.ownerId().equals(ownerId));
        if (key.isEmpty()) return Outcome.refused(KeyResult.NOT_FOUND);
        if (!key.get().active()) return Outcome.of(KeyResult.OK, key.get());
        ApiKey revoked = key.get().revoked(state.now());
        state.put(RecordKind.API_KEY, keyId, revoked);
        return Outcome.of(KeyResult.OK, revoked);
    }

    /**
     * Opens a customer of a wallet provider, with a balance account (never below zero) per currency, in the provider's
     * KYC tier {@code kycTier} (empty: none, so without limits).
     */
    public static Outcome<CustomerResult, Customer> createCustomer(SwitchState state, String ownerId, String id,
            String name, List<String> currencies, Map<String, String> metadata, String kycTier) {
        Participant owner = state.find(RecordKind.PARTICIPANT, ownerId, Participant.class).orElseThrow();
        if (!owner.role().holdsCustomers()) return Outcome.refused(CustomerResult.NOT_A_WALLET_PROVIDER);
        if (currencies.stream().anyMatch(c -> owner.account(c).isEmpty())) {
            return Outcome.refused(CustomerResult.CURRENCY_NOT_SUPPORTED);
        }
        if (!KycTiers.known(state, ownerId, kycTier)) return Outcome.refused(CustomerResult.KYC_TIER_UNKNOWN);
        Map<String, Id128> accounts = openAccounts(state, id, Customer.BALANCE_ACCOUNT_CODE,
                AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, currencies);
        Customer customer = new Customer(id, ownerId, name, accounts, metadata, state.now(), kycTier);
        state.put(RecordKind.CUSTOMER, id, customer);
        return Outcome.of(CustomerResult.OK, customer);
    }

    /** Moves money from the wallet provider's funding account into its customer's balance. */
    public static Outcome<TopUpResult, TopUp> topUp(SwitchState state, String ownerId, String id, String customerId,
            long amountMinor, String currency) {
        Optional<Customer> customer = state.find(RecordKind.CUSTOMER, customerId, Customer.class)
                .filter(c -> c.ownerId().equals(ownerId));
        if (customer.isEmpty()) return Outcome.refused(TopUpResult.CUSTOMER_NOT_FOUND);
        Optional<Id128> balance = customer.get().account(currency);
        if (balance.isEmpty()) return Outcome.refused(TopUpResult.CURRENCY_NOT_SUPPORTED);
        if (NetDebitCaps.exceeded(state, ownerId, currency, amountMinor)) {
            return Outcome.refused(TopUpResult.NET_DEBIT_CAP_EXCEEDED);
        }
        Participant owner = state.find(RecordKind.PARTICIPANT, ownerId, Participant.class).orElseThrow();
        Id128 transferId = state.ids().next();
        Transfer transfer = Transfer.of(transferId, owner.account(currency).orElseThrow(), balance.get(), amountMinor,
                Currencies.ledger(currency), TransferCodes.TOP_UP).withUserData(ObjectIds.numberOf(id));
        CreateTransferResult result = state.ledger().createTransfers(List.of(transfer)).getFirst();
        if (!result.applied()) return Outcome.refused(TopUpResult.LEDGER_REFUSED);
        TopUp topUp = new TopUp(id, ownerId, customerId, amountMinor, currency, transferId, state.now(), null);
        state.put(RecordKind.TOP_UP, id, topUp);
        WebhookOperations.emit(state, ownerId, EventTypes.CUSTOMER_TOPPED_UP, RecordKind.TOP_UP, topUp);
        return Outcome.of(TopUpResult.OK, topUp);
    }

    private static Map<String, Id128> openAccounts(SwitchState state, String ownerId, int code, int flags,
            List<String> currencies) {
        Map<String, Id128> accounts = new LinkedHashMap<>();
        List<Account> opened = currencies.stream().map(currency -> {
            Id128 id = state.ids().next();
            accounts.put(currency, id);
            return Account.open(id, Currencies.ledger(currency), code, flags, ObjectIds.numberOf(ownerId));
        }).toList();
        if (opened.isEmpty()) return accounts;
        for (CreateAccountResult result : state.ledger().createAccounts(opened)) {
            Check.that(result.created(), "a fresh ledger account was refused: " + result);
        }
        return accounts;
    }
}
