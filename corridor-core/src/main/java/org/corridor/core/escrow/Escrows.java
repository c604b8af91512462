package org.corridor.core.escrow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.payment.Refund;
import org.corridor.core.payment.TransferCodes;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookOperations;

/**
 * The escrow lifecycle, run on the writer thread. An escrow is opened with its marketplace's payment intent; the
 * payment (at once, or on capture) moves the money into the escrow's account instead of the marketplace's; each
 * release is one linked chain, escrow to seller and the seller's fee to the operator; a dispute returns the rest to
 * the shopper as a refund of the intent. Once the deadline has passed, any command on the escrow (and the sweeper)
 * first releases what is still held.
 */
public final class Escrows {
    /** A release deadline is at least an hour after the payment. */
    public static final long RELEASE_AFTER_SECONDS_MIN = 3_600;
    /** And at most 90 days after it. */
    public static final long RELEASE_AFTER_SECONDS_MAX = 90L * 24 * 3600;
    /** Fourteen days, unless the marketplace says otherwise. */
    public static final long RELEASE_AFTER_SECONDS_DEFAULT = 14L * 24 * 3600;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** In precedence order. */
    public enum CreateResult { OK, NOT_A_MARKETPLACE, CURRENCY_NOT_SUPPORTED, SELLER_NOT_FOUND, SELLER_CURRENCY_NOT_SUPPORTED }

    /** In precedence order; a release after the deadline finds the escrow released already ({@link #ESCROW_CLOSED}). */
    public enum ReleaseResult { OK, ESCROW_NOT_FOUND, ESCROW_AWAITING_PAYMENT, ESCROW_CLOSED, AMOUNT_TOO_LARGE }

    /** In precedence order. */
    public enum DisputeResult { OK, ESCROW_NOT_FOUND, DEADLINE_PASSED, ESCROW_CLOSED }

    /** What the marketplace asks for when it creates the intent. */
    public record Terms(String escrowId, String sellerId, long releaseAfterSeconds) {
        public Terms {
            Check.that(releaseAfterSeconds >= RELEASE_AFTER_SECONDS_MIN && releaseAfterSeconds <= RELEASE_AFTER_SECONDS_MAX,
                    "the release period is checked before the command");
        }
    }

    private Escrows() {}

    /** Creates the marketplace's intent {@code spec} and its escrow, waiting for the payment. */
    public static Outcome<CreateResult, PaymentIntent> create(SwitchState state, PaymentIntent spec, Terms terms) {
        Participant marketplace = participant(state, spec.ownerId()).orElseThrow();
        if (marketplace.role() != ParticipantRole.MARKETPLACE) return Outcome.refused(CreateResult.NOT_A_MARKETPLACE);
        if (marketplace.account(spec.currency()).isEmpty()) return Outcome.refused(CreateResult.CURRENCY_NOT_SUPPORTED);
        Optional<Participant> seller = participant(state, terms.sellerId())
                .filter(p -> p.role() == ParticipantRole.MERCHANT);
        if (seller.isEmpty()) return Outcome.refused(CreateResult.SELLER_NOT_FOUND);
        if (seller.get().account(spec.currency()).isEmpty()) {
            return Outcome.refused(CreateResult.SELLER_CURRENCY_NOT_SUPPORTED);
        }
        Check.that(PaymentOperations.create(state, spec).ok(), "a marketplace in its currency creates an intent");
        Id128 accountId = state.ids().next();
        CreateAccountResult opened = state.ledger().createAccounts(List.of(Account.open(accountId,
                Currencies.ledger(spec.currency()), Escrow.ACCOUNT_CODE, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS,
                ObjectIds.numberOf(terms.escrowId())))).getFirst();
        Check.that(opened.created(), "a fresh escrow account was refused: " + opened);
        Escrow escrow = Escrow.open(terms.escrowId(), spec.ownerId(), spec.id(), terms.sellerId(), spec.amountMinor(),
                spec.currency(), accountId, terms.releaseAfterSeconds(), state.now());
        state.put(RecordKind.ESCROW, escrow.id(), escrow);
        return Outcome.of(CreateResult.OK, spec);
    }

    /** Where a payment of {@code intent} goes: its escrow's account if it has one, else the merchant's account. */
    public static Id128 destination(SwitchState state, PaymentIntent intent, Id128 merchantAccount) {
        return of(state, intent).map(Escrow::accountId).orElse(merchantAccount);
    }

    /**
     * After a payment or a capture of {@code intent}: if it succeeded into an escrow, the escrow holds what was
     * received, from now until its deadline, for the shopper who paid. No fee was charged: the seller pays it on
     * release.
     */
    public static void paid(SwitchState state, PaymentIntent intent) {
        Optional<Escrow> found = of(state, intent);
        if (found.isEmpty() || intent.status() != PaymentIntentStatus.SUCCEEDED) return;
        Check.that(!found.get().paid(), "an escrow is paid once");
        String providerId = "";
        String customerId = "";
        switch (intent.paymentMethod()) {
            case PaymentMethod.CustomerBalance balance -> {
                customerId = balance.customerId();
                providerId = state.find(RecordKind.CUSTOMER, customerId, Customer.class).orElseThrow().ownerId();
            }
            case PaymentMethod.DeviceToken token -> providerId = state.find(RecordKind.DEVICE_TOKEN, token.tokenId(),
                    DeviceToken.class).orElseThrow().ownerId();
        }
        long deadline = Math.addExact(state.now(), Math.multiplyExact(found.get().releaseAfterSeconds(), NANOS_PER_SECOND));
        Escrow held = found.get().held(intent.amountReceived(), deadline, providerId, customerId);
        state.put(RecordKind.ESCROW, held.id(), held);
        tell(state, held, EventTypes.ESCROW_HELD);
    }

    /** The buyer's wallet provider confirms delivery of {@code amountMinor} (zero: all that is held). */
    public static Outcome<ReleaseResult, Escrow> confirmDelivery(SwitchState state, String callerId, String escrowId,
            long amountMinor) {
        return release(state, bought(state, callerId, escrowId), amountMinor);
    }

    /** The marketplace releases {@code amountMinor} (zero: all that is held) to the seller. */
    public static Outcome<ReleaseResult, Escrow> release(SwitchState state, String callerId, String escrowId,
            long amountMinor) {
        return release(state, find(state, escrowId).filter(e -> e.ownerId().equals(callerId)), amountMinor);
    }

    private static Outcome<ReleaseResult, Escrow> release(SwitchState state, Optional<Escrow> found, long amountMinor) {
        if (found.isEmpty()) return Outcome.refused(ReleaseResult.ESCROW_NOT_FOUND);
        Escrow escrow = releaseIfDue(state, found.get());
        if (!escrow.paid()) return Outcome.of(ReleaseResult.ESCROW_AWAITING_PAYMENT, escrow);
        if (escrow.outstanding() == 0) return Outcome.of(ReleaseResult.ESCROW_CLOSED, escrow);
        long amount = amountMinor == 0 ? escrow.outstanding() : amountMinor;
        if (amount > escrow.outstanding()) return Outcome.of(ReleaseResult.AMOUNT_TOO_LARGE, escrow);
        return Outcome.of(ReleaseResult.OK, payOut(state, escrow, amount));
    }

    /**
     * The buyer's wallet provider disputes the order before the deadline: what is still held goes back to the shopper
     * (to the card's issuer for a card payment) as refund {@code refundId} of the intent.
     */
    public static Outcome<DisputeResult, Escrow> dispute(SwitchState state, String callerId, String escrowId,
            String refundId) {
        Optional<Escrow> found = bought(state, callerId, escrowId);
        if (found.isEmpty()) return Outcome.refused(DisputeResult.ESCROW_NOT_FOUND);
        if (due(state, found.get())) return Outcome.of(DisputeResult.DEADLINE_PASSED, releaseIfDue(state, found.get()));
        Escrow escrow = found.get();
        if (escrow.outstanding() == 0) return Outcome.of(DisputeResult.ESCROW_CLOSED, escrow);
        PaymentIntent intent = state.find(RecordKind.PAYMENT_INTENT, escrow.paymentIntentId(), PaymentIntent.class)
                .orElseThrow();
        long amount = escrow.outstanding();
        PaymentOperations.returnToShopper(state, intent, escrow.accountId(), refundId, amount, "disputed",
                Map.of("escrow", escrow.id()));
        Escrow disputed = escrow.refunded(amount);
        state.put(RecordKind.ESCROW, disputed.id(), disputed);
        tell(state, disputed, EventTypes.ESCROW_REFUNDED);
        return Outcome.of(DisputeResult.OK, disputed);
    }

    /** Releases what every escrow past its deadline still holds, with its events; returns how many. Run now and then. */
    public static int releaseDue(SwitchState state) {
        List<Escrow> due = state.all(RecordKind.ESCROW).stream().map(Escrow.class::cast)
                .filter(e -> due(state, e) && e.outstanding() > 0).toList();
        for (Escrow escrow : due) releaseIfDue(state, escrow);
        return due.size();
    }

    /** Every broken invariant between escrows and their ledger accounts, as a sentence; empty when all hold. */
    public static List<String> violations(SwitchState state) {
        List<String> violations = new ArrayList<>();
        for (Object value : state.all(RecordKind.ESCROW)) {
            Escrow escrow = (Escrow) value;
            Optional<Account> account = state.ledger().account(escrow.accountId());
            if (account.isEmpty() || account.get().code() != Escrow.ACCOUNT_CODE
                    || account.get().ledger() != Currencies.ledger(escrow.currency())) {
                violations.add("escrow " + escrow.id() + " has no escrow account " + escrow.accountId() + " of its currency");
            } else if (account.get().creditsPosted() != escrow.amountHeld()
                    || account.get().debitsPosted() != escrow.amountReleased() + escrow.amountRefunded()) {
                violations.add("escrow " + escrow.id() + " shows " + escrow.amountHeld() + " held, "
                        + escrow.amountReleased() + " released and " + escrow.amountRefunded() + " refunded; its account"
                        + " was credited " + account.get().creditsPosted() + " and debited " + account.get().debitsPosted());
            }
        }
        return violations;
    }

    private static boolean due(SwitchState state, Escrow escrow) {
        return escrow.paid() && state.now() >= escrow.releaseAt();
    }

    private static Escrow releaseIfDue(SwitchState state, Escrow escrow) {
        return due(state, escrow) && escrow.outstanding() > 0 ? payOut(state, escrow, escrow.outstanding()) : escrow;
    }

    /**
     * Moves {@code amount} to the seller with the seller's fee, as one linked chain. The fee is the fee on everything
     * released so far less the fee already charged, so partial releases add up to the fee on the whole, to the cent.
     */
    private static Escrow payOut(SwitchState state, Escrow escrow, long amount) {
        Participant seller = participant(state, escrow.sellerId()).orElseThrow();
        Id128 sellerAccount = seller.account(escrow.currency()).orElseThrow();
        int ledger = Currencies.ledger(escrow.currency());
        Id128 reference = ObjectIds.numberOf(escrow.id());
        long fee = Fees.ofAmount(escrow.amountReleased() + amount, seller.feeBasisPoints()) - escrow.feeMinor();
        List<Transfer> chain = new ArrayList<>();
        chain.add(Transfer.of(state.ids().next(), escrow.accountId(), sellerAccount, amount, ledger,
                TransferCodes.ESCROW_RELEASE).withUserData(reference));
        if (fee > 0) {
            Id128 operatorAccount = ParticipantOperations.operator(state).flatMap(o -> o.account(escrow.currency()))
                    .orElseThrow();
            chain.add(Transfer.of(state.ids().next(), sellerAccount, operatorAccount, fee, ledger,
                    TransferCodes.MERCHANT_FEE).withUserData(reference));
        }
        CreateTransferResult moved = PaymentOperations.applyChain(state, chain);
        Check.that(moved == CreateTransferResult.OK, "releasing what an escrow holds was refused: " + moved);
        Escrow released = escrow.released(amount, fee);
        state.put(RecordKind.ESCROW, released.id(), released);
        tell(state, released, EventTypes.ESCROW_RELEASED);
        return released;
    }

    /** An escrow event goes to the marketplace, the seller and the buyer's wallet provider, once each. */
    private static void tell(SwitchState state, Escrow escrow, String type) {
        Set<String> parties = new LinkedHashSet<>(List.of(escrow.ownerId(), escrow.sellerId(), escrow.buyerProviderId()));
        parties.remove("");
        for (String party : parties) WebhookOperations.emit(state, party, type, RecordKind.ESCROW, escrow);
    }

    /** The escrow {@code intent} pays into, if any. */
    public static Optional<Escrow> of(SwitchState state, PaymentIntent intent) {
        return state.findByKey(RecordKind.ESCROW, intent.id(), Escrow.class);
    }

    private static Optional<Escrow> find(SwitchState state, String escrowId) {
        return state.find(RecordKind.ESCROW, escrowId, Escrow.class);
    }

    /** The escrow if the caller is the wallet provider of its buyer: only a paid escrow has one. */
    private static Optional<Escrow> bought(SwitchState state, String callerId, String escrowId) {
        return find(state, escrowId).filter(e -> e.paid() && e.buyerProviderId().equals(callerId));
    }

    private static Optional<Participant> participant(SwitchState state, String id) {
        return state.find(RecordKind.PARTICIPANT, id, Participant.class);
    }
}
