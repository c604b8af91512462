package org.corridor.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxResidue;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.Refund;
import org.corridor.core.port.LedgerReader;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.RecordKind;
import org.corridor.core.webhook.Event;

/**
 * Puts a payment's story together from committed objects and the ledger.
 *
 * <p>Its transfers carry the intent's number as user data. The ledger is indexed by account, not by user data, so
 * they are found by reading the accounts every leg touches from the intent's creation on: the merchant's account in
 * the intent's currency (payment, fee, payout, refund) and, for a cross-currency payment, the FX provider's account
 * in the shopper's currency (the shopper's leg, FX refunds); the reservation and the refunds are also looked up by
 * their ids. Each account read is bounded by {@link #TRANSFERS_READ_PER_ACCOUNT_MAX}, so on a busy merchant a much
 * later leg may be missed; the page says when the bound was reached.
 */
final class Stories {
    /** Transfers read per account at most for one story. */
    static final int TRANSFERS_READ_PER_ACCOUNT_MAX = 8_190;
    /** Refunds and events shown at most. */
    static final int ITEMS_MAX = ObjectReader.PAGE_LIMIT_MAX;
    /** Ledger timestamps follow the batch clock, which may trail an object's stamp a little after a clock step. */
    private static final long CLOCK_SLACK_NANOS = 60_000_000_000L;

    private final ObjectReader objects;
    private final LedgerReader ledger;

    Stories(ObjectReader objects, LedgerReader ledger) {
        this.objects = objects;
        this.ledger = ledger;
    }

    Optional<PaymentStory> of(String intentId) {
        return objects.find(RecordKind.PAYMENT_INTENT, intentId, PaymentIntent.class).map(this::story);
    }

    private PaymentStory story(PaymentIntent intent) {
        Directory directory = Directory.read(objects);
        Optional<FxQuote> quote = Optional.ofNullable(intent.conversion())
                .flatMap(conversion -> objects.find(RecordKind.FX_QUOTE, conversion.quoteId(), FxQuote.class));
        List<Refund> refunds = objects.list(RecordKind.REFUND, intent.ownerId(), Refund.class, ITEMS_MAX, null,
                refund -> refund.paymentIntentId().equals(intent.id())).data();
        Map<Id128, Transfer> found = new LinkedHashMap<>();
        boolean complete = true;
        for (Id128 account : accountsTouched(intent, directory, quote)) {
            List<Transfer> read = ledger.transfers(account, Math.max(0, intent.createdAt() - CLOCK_SLACK_NANOS),
                    TRANSFERS_READ_PER_ACCOUNT_MAX);
            if (read.size() == TRANSFERS_READ_PER_ACCOUNT_MAX) complete = false;
            Id128 reference = ObjectIds.numberOf(intent.id());
            read.stream().filter(t -> t.userData().equals(reference)).forEach(t -> found.put(t.id(), t));
        }
        List<Id128> known = new ArrayList<>();
        if (!intent.reservationId().isZero()) known.add(intent.reservationId());
        refunds.forEach(refund -> known.add(refund.transferId()));
        known.forEach(id -> ledger.transfer(id).ifPresent(t -> found.put(t.id(), t)));
        Map<Id128, String> owners = accountOwners(intent, directory);
        List<PaymentStory.TransferRow> transfers = found.values().stream()
                .sorted(Comparator.comparingLong(Transfer::timestamp))
                .map(t -> row(t, owners)).toList();
        return new PaymentStory(intent, directory.nameOf(intent.ownerId()), Rail.of(intent), quote, transfers,
                complete, authorization(intent), refunds, events(intent, refunds));
    }

    private static List<Id128> accountsTouched(PaymentIntent intent, Directory directory, Optional<FxQuote> quote) {
        List<Id128> accounts = new ArrayList<>();
        directory.find(intent.ownerId()).flatMap(m -> m.account(intent.currency())).ifPresent(accounts::add);
        quote.ifPresent(fx -> directory.find(fx.providerId())
                .flatMap(provider -> provider.account(fx.quote().sellCurrency())).ifPresent(accounts::add));
        return accounts;
    }

    /** Names for the accounts a payment's transfers may touch: participants', the shopper's, the FX residue's. */
    private Map<Id128, String> accountOwners(PaymentIntent intent, Directory directory) {
        Map<Id128, String> owners = directory.accountOwners();
        if (intent.paymentMethod() instanceof PaymentMethod.CustomerBalance balance) {
            objects.find(RecordKind.CUSTOMER, balance.customerId(), Customer.class).ifPresent(customer -> {
                String name = "customer " + (customer.name().isEmpty() ? customer.id() : customer.name());
                customer.accounts().forEach((currency, account) -> owners.put(account, name + " (" + currency + ")"));
            });
        }
        objects.list(RecordKind.FX_RESIDUE, ParticipantOperations.OPERATOR_ID, FxResidue.class, ITEMS_MAX, null,
                residue -> true).data().forEach(residue ->
                        owners.put(residue.accountId(), "FX residue (" + residue.currency() + ")"));
        return owners;
    }

    private static PaymentStory.TransferRow row(Transfer transfer, Map<Id128, String> owners) {
        return new PaymentStory.TransferRow(transfer.id().toString(), Format.time(transfer.timestamp()),
                Ledgers.code(transfer.code()), Ledgers.phase(transfer),
                owners.getOrDefault(transfer.debitAccountId(), transfer.debitAccountId().toString()),
                owners.getOrDefault(transfer.creditAccountId(), transfer.creditAccountId().toString()),
                Format.money(transfer.amount(), Ledgers.currency(transfer.ledger())));
    }

    private Optional<CardMessages> authorization(PaymentIntent intent) {
        if (!(intent.paymentMethod() instanceof PaymentMethod.DeviceToken token)) return Optional.empty();
        return objects.find(RecordKind.CARD_AUTHORIZATION, token.authorizationId(), CardAuthorization.class)
                .map(authorization -> CardMessages.of(authorization, token));
    }

    private List<PaymentStory.EventRow> events(PaymentIntent intent, List<Refund> refunds) {
        List<String> about = new ArrayList<>();
        about.add(intent.id());
        refunds.forEach(refund -> about.add(refund.id()));
        return objects.list(RecordKind.EVENT, intent.ownerId(), Event.class, ITEMS_MAX, null,
                        event -> about.contains(objectId(event)))
                .data().stream()
                .map(event -> new PaymentStory.EventRow(event, objects.deliveriesOf(event.id())))
                .toList();
    }

    private static String objectId(Event event) {
        return switch (event.object()) {
            case PaymentIntent intent -> intent.id();
            case Refund refund -> refund.id();
            default -> "";
        };
    }
}
