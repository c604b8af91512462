package org.corridor.core.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.escrow.Escrows;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxResidues;
import org.corridor.core.fx.Conversion;
import org.corridor.core.kyc.CustomerLimits;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.core.money.Currencies;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookOperations;

/**
 * The payment intent lifecycle, run on the writer thread. Each command checks everything first, then moves
 * money as one linked ledger chain (all of it or none), then changes the intent and writes its events: the
 * batch commits them together.
 */
public final class PaymentOperations {
    /** An uncaptured reservation is released after seven days, as card authorizations are. */
    public static final int RESERVATION_TIMEOUT_SECONDS = 7 * 24 * 3600;

    /** In precedence order. */
    public enum CreateResult { OK, NOT_A_MERCHANT, CURRENCY_NOT_SUPPORTED }

    /** In precedence order; {@link #DECLINED} (the ledger refused the money, as for insufficient funds) changes the intent. */
    public enum ConfirmResult {
        OK, PAYMENT_INTENT_NOT_FOUND, PAYMENT_INTENT_UNEXPECTED_STATE, PAYMENT_METHOD_MISSING, CUSTOMER_NOT_FOUND,
        CURRENCY_NOT_SUPPORTED, QUOTE_NOT_FOUND, QUOTE_MISMATCH, QUOTE_USED, QUOTE_EXPIRED,
        /** The customer lacks the intent's currency and no rate or FX liquidity provider could convert to it. */
        FX_UNAVAILABLE,
        DECLINED
    }

    /**
     * Where a payment's money comes from: a ledger account and, for a cross-currency payment, the quote that converts
     * from that account's currency to the intent's (null otherwise).
     */
    record Funding(Id128 account, FxQuote quote) {
        static Funding of(Id128 account) {
            return new Funding(account, null);
        }
    }

    /** In precedence order; {@link #RESERVATION_EXPIRED} cancels the intent. */
    public enum CaptureResult {
        OK, PAYMENT_INTENT_NOT_FOUND, PAYMENT_INTENT_UNEXPECTED_STATE, AMOUNT_TOO_LARGE, RESERVATION_EXPIRED
    }

    /** In precedence order. */
    public enum CancelResult { OK, PAYMENT_INTENT_NOT_FOUND, PAYMENT_INTENT_UNEXPECTED_STATE }

    /** In precedence order. */
    public enum RefundResult { OK, PAYMENT_INTENT_NOT_FOUND, PAYMENT_INTENT_UNEXPECTED_STATE, AMOUNT_TOO_LARGE }

    private PaymentOperations() {}

    public static Outcome<CreateResult, PaymentIntent> create(SwitchState state, PaymentIntent spec) {
        Participant merchant = participant(state, spec.ownerId());
        if (!merchant.role().acceptsPayments()) return Outcome.refused(CreateResult.NOT_A_MERCHANT);
        if (merchant.account(spec.currency()).isEmpty()) return Outcome.refused(CreateResult.CURRENCY_NOT_SUPPORTED);
        state.put(RecordKind.PAYMENT_INTENT, spec.id(), spec);
        WebhookOperations.emit(state, spec.ownerId(), EventTypes.PAYMENT_INTENT_CREATED, RecordKind.PAYMENT_INTENT, spec);
        return Outcome.of(CreateResult.OK, spec);
    }

    /**
     * Pays with {@code method} (or the method given at creation, if null). The caller is the intent's owner,
     * or a party that shows the intent's client secret (the shopper's wallet provider); either way the
     * customer must be the caller's.
     */
    public static Outcome<ConfirmResult, PaymentIntent> confirm(SwitchState state, String callerId, String intentId,
            String clientSecret, PaymentMethod method) {
        return confirm(state, callerId, intentId, clientSecret, method, FxChoice.NONE);
    }

    /**
     * Pays as {@link #confirm(SwitchState, String, String, String, PaymentMethod)} does, converting from another of
     * the customer's currencies as {@code fx} allows.
     */
    public static Outcome<ConfirmResult, PaymentIntent> confirm(SwitchState state, String callerId, String intentId,
            String clientSecret, PaymentMethod method, FxChoice fx) {
        Optional<PaymentIntent> found = forConfirmation(state, callerId, intentId, clientSecret);
        if (found.isEmpty()) return Outcome.refused(ConfirmResult.PAYMENT_INTENT_NOT_FOUND);
        PaymentIntent intent = found.get();
        if (!intent.status().confirmable()) return Outcome.of(ConfirmResult.PAYMENT_INTENT_UNEXPECTED_STATE, intent);
        PaymentMethod paying = method != null ? method : intent.paymentMethod();
        // A device token pays only with a fresh cryptogram, through the card rails: never reused from a failed try.
        if (paying == null || paying instanceof PaymentMethod.DeviceToken) {
            return Outcome.of(ConfirmResult.PAYMENT_METHOD_MISSING, intent);
        }
        Outcome<ConfirmResult, Funding> source = funding(state, callerId, paying, intent, fx);
        if (!source.ok()) return Outcome.of(source.result(), intent);
        return pay(state, intent, paying, source.value());
    }

    /** Pays in the intent's own currency from {@code sourceAccount}. */
    static Outcome<ConfirmResult, PaymentIntent> pay(SwitchState state, PaymentIntent intent, PaymentMethod paying,
            Id128 sourceAccount) {
        return pay(state, intent, paying, Funding.of(sourceAccount));
    }

    /**
     * Moves the intent's amount from the funding account to the merchant as one linked chain: at once with the
     * merchant fee (automatic capture), or as a reservation (manual capture). A cross-currency payment goes through
     * the quote's FX liquidity provider: the shopper's money to the provider in the shopper's currency (what a
     * manual capture reserves), the provider's to the merchant in the intent's. A refusal by the ledger (too little
     * money) fails the intent with {@code insufficient_funds}, and leaves the quote unused; a refusal by the
     * customer's KYC tier, with the limit's code (such as {@code daily_limit_exceeded}).
     */
    static Outcome<ConfirmResult, PaymentIntent> pay(SwitchState state, PaymentIntent intent, PaymentMethod paying,
            Funding funding) {
        // KYC tier limits: checked before any money moves, recorded below only once the ledger has taken it.
        CustomerLimits.Admission limits = limits(state, intent, paying, funding.quote());
        if (!limits.ok()) {
            PaymentError error = new PaymentError(limits.result().code(), limits.result().message());
            return Outcome.of(ConfirmResult.DECLINED, fail(state, intent, paying, error));
        }
        Participant merchant = participant(state, intent.ownerId());
        Id128 merchantAccount = merchant.account(intent.currency()).orElseThrow();
        // An escrowed order's money is held in its escrow account until it is released to the seller.
        Id128 destination = Escrows.destination(state, intent, merchantAccount);
        Id128 reference = ObjectIds.numberOf(intent.id());
        FxQuote fx = funding.quote();
        FxLegs legs = fx == null ? null : FxLegs.of(state, fx.providerId());
        if (legs != null && legs.overCap(state, intent.currency(), fx.quote().conversion().buyMinor())) {
            return Outcome.of(ConfirmResult.DECLINED, fail(state, intent, paying,
                    new PaymentError(NetDebitCaps.DECLINE_CODE, NetDebitCaps.DECLINE_MESSAGE)));
        }
        // The shopper's leg: straight to the merchant, or to the liquidity provider in the shopper's currency.
        Id128 payee = legs == null ? destination : legs.account(fx.quote().sellCurrency());
        long debit = fx == null ? intent.amountMinor() : fx.quote().sellMinor();
        int ledger = Currencies.ledger(fx == null ? intent.currency() : fx.quote().sellCurrency());
        List<Transfer> chain = new ArrayList<>();
        Id128 reservation = Id128.ZERO;
        long fee = 0;
        FxResidues.Booking residue = null;
        if (intent.captureMethod() == CaptureMethod.MANUAL) {
            reservation = state.ids().next();
            chain.add(Transfer.of(reservation, funding.account(), payee, debit, ledger,
                    TransferCodes.RESERVATION).withUserData(reference).withFlags(TransferFlags.PENDING)
                    .withTimeoutSeconds(RESERVATION_TIMEOUT_SECONDS));
        } else {
            chain.add(Transfer.of(state.ids().next(), funding.account(), payee, debit, ledger,
                    TransferCodes.PAYMENT).withUserData(reference));
            if (legs != null) residue = legs.payout(state, chain, fx.quote().conversion(), destination, reference);
            // Money held in escrow pays its fee when it is released to the seller, not now.
            if (destination.equals(merchantAccount)) {
                fee = addFee(state, chain, merchant, merchantAccount, intent.amountMinor(), intent.currency(), reference);
            }
        }
        CreateTransferResult moved = applyChain(state, chain);
        if (moved != CreateTransferResult.OK) {
            PaymentError error = moved == CreateTransferResult.EXCEEDS_CREDITS
                    ? new PaymentError("insufficient_funds", "The customer's balance is too low for this payment.")
                    : new PaymentError("payment_refused", "The ledger refused the payment (" + moved + ").");
            return Outcome.of(ConfirmResult.DECLINED, fail(state, intent, paying, error));
        }
        limits.record(state);
        if (fx != null) {
            state.put(RecordKind.FX_QUOTE, fx.id(), fx);
            if (residue != null) residue.commit(state);
            var conversion = new PaymentConversion(fx.id(), fx.providerId(), fx.quote().customerRate(),
                    fx.quote().sellMinor(), 0, 0);
            intent = intent.withConversion(intent.captureMethod() == CaptureMethod.MANUAL ? conversion
                    : conversion.received(fx.quote().sellMinor()));
        }
        PaymentIntent paid = intent.captureMethod() == CaptureMethod.MANUAL
                ? intent.reserved(paying, reservation)
                : intent.succeeded(paying, fee);
        state.put(RecordKind.PAYMENT_INTENT, paid.id(), paid);
        Escrows.paid(state, paid);
        WebhookOperations.emit(state, paid.ownerId(), paid.status() == PaymentIntentStatus.SUCCEEDED
                ? EventTypes.PAYMENT_INTENT_SUCCEEDED
                : EventTypes.PAYMENT_INTENT_AMOUNT_CAPTURABLE_UPDATED, RecordKind.PAYMENT_INTENT, paid);
        return Outcome.of(ConfirmResult.OK, paid);
    }

    /**
     * What the customer's KYC tier admits of this payment, when a customer's balance pays (directly, or through a
     * balance issued as a device token): what leaves the balance, in its currency, and for a conversion its USD value
     * against the yearly cross-border quota. Cards drawn on a bank are limited by their issuer.
     */
    private static CustomerLimits.Admission limits(SwitchState state, PaymentIntent intent, PaymentMethod paying,
            FxQuote fx) {
        String customerId = switch (paying) {
            case PaymentMethod.CustomerBalance balance -> balance.customerId();
            case PaymentMethod.DeviceToken token -> state.find(RecordKind.DEVICE_TOKEN, token.tokenId(),
                    DeviceToken.class).filter(DeviceToken::fundedByBalance).map(DeviceToken::customerId).orElse(null);
        };
        if (customerId == null) return CustomerLimits.Admission.UNLIMITED;
        Customer customer = state.find(RecordKind.CUSTOMER, customerId, Customer.class).orElseThrow();
        if (fx == null) return CustomerLimits.admit(state, customer, intent.currency(), intent.amountMinor(), 0);
        return CustomerLimits.admit(state, customer, fx.quote().sellCurrency(), fx.quote().sellMinor(),
                fx.usdEquivalentMinor());
    }

    /** Fails the intent with {@code error} (the shopper may try again) and tells its owner. */
    static PaymentIntent fail(SwitchState state, PaymentIntent intent, PaymentMethod paying, PaymentError error) {
        PaymentIntent failed = intent.failed(paying, error);
        state.put(RecordKind.PAYMENT_INTENT, failed.id(), failed);
        WebhookOperations.emit(state, failed.ownerId(), EventTypes.PAYMENT_INTENT_PAYMENT_FAILED,
                RecordKind.PAYMENT_INTENT, failed);
        return failed;
    }

    /**
     * What a payment method draws on, for the caller confirming with it: where each kind of payment method plugs
     * in. A customer balance must be the caller's own customer's: in the intent's currency, or in the currency of
     * the quote the caller names, or, when the customer holds no balance in the intent's currency, converted at the
     * market rate the request thread found.
     */
    private static Outcome<ConfirmResult, Funding> funding(SwitchState state, String callerId, PaymentMethod method,
            PaymentIntent intent, FxChoice fx) {
        return switch (method) {
            case PaymentMethod.CustomerBalance balance -> {
                Optional<Customer> customer = state.find(RecordKind.CUSTOMER, balance.customerId(), Customer.class)
                        .filter(c -> c.ownerId().equals(callerId));
                if (customer.isEmpty()) yield Outcome.refused(ConfirmResult.CUSTOMER_NOT_FOUND);
                yield CustomerFunding.of(state, callerId, customer.get(), intent, fx);
            }
            case PaymentMethod.DeviceToken token -> throw new IllegalStateException("cards pay through CardPayments");
        };
    }

    /** Captures {@code amountMinor} of the reservation (zero: all of it); the rest goes back to the shopper. */
    public static Outcome<CaptureResult, PaymentIntent> capture(SwitchState state, String callerId, String intentId,
            long amountMinor) {
        Optional<PaymentIntent> found = owned(state, callerId, intentId);
        if (found.isEmpty()) return Outcome.refused(CaptureResult.PAYMENT_INTENT_NOT_FOUND);
        PaymentIntent intent = found.get();
        if (intent.status() != PaymentIntentStatus.REQUIRES_CAPTURE) {
            return Outcome.of(CaptureResult.PAYMENT_INTENT_UNEXPECTED_STATE, intent);
        }
        long amount = amountMinor == 0 ? intent.amountCapturable() : amountMinor;
        if (amount > intent.amountCapturable()) return Outcome.of(CaptureResult.AMOUNT_TOO_LARGE, intent);
        if (state.ledger().pendingStatus(intent.reservationId()).orElseThrow() == PendingStatus.EXPIRED) {
            PaymentIntent expired = cancel(state, intent, "expired");
            return Outcome.of(CaptureResult.RESERVATION_EXPIRED, expired);
        }
        Participant merchant = participant(state, intent.ownerId());
        Id128 merchantAccount = merchant.account(intent.currency()).orElseThrow();
        Id128 reference = ObjectIds.numberOf(intent.id());
        List<Transfer> chain = new ArrayList<>();
        PaymentConversion fx = intent.conversion();
        // A cross-currency reservation holds the shopper's currency: what it posts is the captured amount's price.
        Conversion converted = fx == null ? null : fx.ofBuyAmount(amount);
        chain.add(resolution(state.ids().next(), intent.reservationId(), fx == null ? amount : converted.sellMinor(),
                reference, TransferFlags.POST_PENDING));
        FxResidues.Booking residue = fx == null ? null : FxLegs.of(state, fx.providerId()).payout(state, chain,
                converted, Escrows.destination(state, intent, merchantAccount), reference);
        // Money held in escrow pays its fee when it is released to the seller, not now.
        long fee = Escrows.of(state, intent).isPresent() ? 0
                : addFee(state, chain, merchant, merchantAccount, amount, intent.currency(), reference);
        CreateTransferResult posted = applyChain(state, chain);
        if (posted == CreateTransferResult.PENDING_TRANSFER_EXPIRED) {
            // The post would be stamped at or after the reservation's timeout: too late, even within this batch.
            return Outcome.of(CaptureResult.RESERVATION_EXPIRED, markCanceled(state, intent, "expired"));
        }
        Check.that(posted == CreateTransferResult.OK, "a capture within the reservation was refused: " + posted);
        PaymentIntent captured = intent.captured(amount, fee);
        if (fx != null) {
            if (residue != null) residue.commit(state);
            captured = captured.withConversion(fx.received(converted.sellMinor()));
        }
        state.put(RecordKind.PAYMENT_INTENT, captured.id(), captured);
        Escrows.paid(state, captured);
        WebhookOperations.emit(state, captured.ownerId(), EventTypes.PAYMENT_INTENT_SUCCEEDED,
                RecordKind.PAYMENT_INTENT, captured);
        return Outcome.of(CaptureResult.OK, captured);
    }

    /** Cancels an intent that has not succeeded; a reservation is voided and the shopper's funds released. */
    public static Outcome<CancelResult, PaymentIntent> cancel(SwitchState state, String callerId, String intentId,
            String reason) {
        Optional<PaymentIntent> found = owned(state, callerId, intentId);
        if (found.isEmpty()) return Outcome.refused(CancelResult.PAYMENT_INTENT_NOT_FOUND);
        if (!found.get().status().cancelable()) {
            return Outcome.of(CancelResult.PAYMENT_INTENT_UNEXPECTED_STATE, found.get());
        }
        return Outcome.of(CancelResult.OK, cancel(state, found.get(), reason));
    }

    private static PaymentIntent cancel(SwitchState state, PaymentIntent intent, String reason) {
        if (intent.status() == PaymentIntentStatus.REQUIRES_CAPTURE
                && state.ledger().pendingStatus(intent.reservationId()).orElseThrow() == PendingStatus.PENDING) {
            Transfer release = resolution(state.ids().next(), intent.reservationId(), 0,
                    ObjectIds.numberOf(intent.id()), TransferFlags.VOID_PENDING);
            CreateTransferResult voided = applyChain(state, List.of(release));
            // A void stamped at the timeout finds the reservation expired: released all the same.
            Check.that(voided == CreateTransferResult.OK || voided == CreateTransferResult.PENDING_TRANSFER_EXPIRED,
                    "voiding a live reservation was refused: " + voided);
        }
        return markCanceled(state, intent, reason);
    }

    private static PaymentIntent markCanceled(SwitchState state, PaymentIntent intent, String reason) {
        if (intent.status() == PaymentIntentStatus.REQUIRES_CAPTURE
                && intent.paymentMethod() instanceof PaymentMethod.DeviceToken token) {
            // The issuer still holds the cardholder's funds for this authorization: reverse it there too, whichever
            // way the intent ends (a void, an expiry found by the sweeper or by a late capture).
            CardPayments.requestReversal(state, token.authorizationId());
        }
        PaymentIntent canceled = intent.canceled(reason);
        state.put(RecordKind.PAYMENT_INTENT, canceled.id(), canceled);
        WebhookOperations.emit(state, canceled.ownerId(), EventTypes.PAYMENT_INTENT_CANCELED,
                RecordKind.PAYMENT_INTENT, canceled);
        return canceled;
    }

    /**
     * Cancels every intent whose reservation the ledger expired (reason {@code expired}), with its event, and
     * returns how many. Run now and then; a capture of such an intent also finds it expired.
     */
    public static int cancelExpiredReservations(SwitchState state) {
        List<PaymentIntent> expired = state.all(RecordKind.PAYMENT_INTENT).stream()
                .map(PaymentIntent.class::cast)
                .filter(pi -> pi.status() == PaymentIntentStatus.REQUIRES_CAPTURE)
                .filter(pi -> state.ledger().pendingStatus(pi.reservationId()).orElseThrow() == PendingStatus.EXPIRED)
                .toList();
        for (PaymentIntent intent : expired) cancel(state, intent, "expired");
        return expired.size();
    }

    /** Returns {@code amountMinor} (zero: all that is left) of a succeeded intent to the shopper. */
    public static Outcome<RefundResult, Refund> refund(SwitchState state, String callerId, String refundId,
            String intentId, long amountMinor, String reason, Map<String, String> metadata) {
        Optional<PaymentIntent> found = owned(state, callerId, intentId);
        if (found.isEmpty()) return Outcome.refused(RefundResult.PAYMENT_INTENT_NOT_FOUND);
        PaymentIntent intent = found.get();
        // An escrowed payment never reached the marketplace: a dispute returns it (see Escrows).
        if (intent.status() != PaymentIntentStatus.SUCCEEDED || intent.refundable() == 0
                || Escrows.of(state, intent).isPresent()) {
            return Outcome.refused(RefundResult.PAYMENT_INTENT_UNEXPECTED_STATE);
        }
        long amount = amountMinor == 0 ? intent.refundable() : amountMinor;
        if (amount > intent.refundable()) return Outcome.refused(RefundResult.AMOUNT_TOO_LARGE);
        Id128 merchantAccount = participant(state, intent.ownerId()).account(intent.currency()).orElseThrow();
        Refund refund = returnToShopper(state, intent, merchantAccount, refundId, amount, reason, metadata);
        WebhookOperations.emit(state, refund.ownerId(), EventTypes.REFUND_CREATED, RecordKind.REFUND, refund);
        return Outcome.of(RefundResult.OK, refund);
    }

    /**
     * Returns {@code amount} of a paid intent from {@code fromAccount} (the merchant's, or the escrow that holds the
     * money) to the shopper, back through the FX liquidity provider for a cross-currency payment (the merchant's
     * currency to it, the shopper's share of what they paid from it), and books the refund on the intent.
     */
    public static Refund returnToShopper(SwitchState state, PaymentIntent intent, Id128 fromAccount, String refundId,
            long amount, String reason, Map<String, String> metadata) {
        PaymentConversion fx = intent.conversion();
        Id128 shopperAccount = shopperAccount(state, intent);
        Id128 reference = ObjectIds.numberOf(intent.id());
        Id128 transferId = state.ids().next();
        List<Transfer> chain = new ArrayList<>();
        long sellRefund = 0;
        if (fx == null) {
            chain.add(Transfer.of(transferId, fromAccount, shopperAccount, amount,
                    Currencies.ledger(intent.currency()), TransferCodes.REFUND).withUserData(reference));
        } else {
            FxLegs legs = FxLegs.of(state, fx.providerId());
            sellRefund = fx.sellToRefund(amount, intent.refundable(), intent.amountReceived());
            chain.add(Transfer.of(transferId, fromAccount, legs.account(intent.currency()), amount,
                    Currencies.ledger(intent.currency()), TransferCodes.REFUND).withUserData(reference));
            if (sellRefund > 0) {
                chain.add(Transfer.of(state.ids().next(), legs.account(fx.sellCurrency()), shopperAccount, sellRefund,
                        Currencies.ledger(fx.sellCurrency()), TransferCodes.FX_REFUND).withUserData(reference));
            }
        }
        CreateTransferResult returned = applyChain(state, chain);
        Check.that(returned == CreateTransferResult.OK, "a refund to a shopper was refused: " + returned);
        Refund refund = new Refund(refundId, intent.ownerId(), intent.id(), amount, intent.currency(), reason, metadata,
                transferId, state.now());
        state.put(RecordKind.REFUND, refundId, refund);
        PaymentIntent refunded = intent.refunded(amount);
        if (fx != null) refunded = refunded.withConversion(fx.refunded(sellRefund));
        state.put(RecordKind.PAYMENT_INTENT, refunded.id(), refunded);
        return refund;
    }

    /**
     * The account a refund of a paid {@code intent} goes to, in the currency the shopper paid in: the shopper's
     * balance, or the card's issuer.
     */
    public static Id128 shopperAccount(SwitchState state, PaymentIntent intent) {
        String currency = intent.conversion() == null ? intent.currency() : intent.conversion().sellCurrency();
        return switch (intent.paymentMethod()) {
            case PaymentMethod.CustomerBalance balance -> state.find(RecordKind.CUSTOMER, balance.customerId(),
                    Customer.class).orElseThrow().account(currency).orElseThrow();
            // A card refund goes back to the issuer, who credits its cardholder; a balance token's, to the balance.
            case PaymentMethod.DeviceToken token -> CardPayments.fundingAccount(state, token, currency).orElseThrow();
        };
    }

    /** Appends the merchant fee on {@code amount} to the chain (if there is one) and returns it. */
    private static long addFee(SwitchState state, List<Transfer> chain, Participant merchant, Id128 merchantAccount,
            long amount, String currency, Id128 reference) {
        long fee = Fees.ofAmount(amount, merchant.feeBasisPoints());
        if (fee == 0) return 0;
        Id128 operatorAccount = ParticipantOperations.operator(state).flatMap(o -> o.account(currency)).orElseThrow();
        chain.add(Transfer.of(state.ids().next(), merchantAccount, operatorAccount, fee, Currencies.ledger(currency),
                TransferCodes.MERCHANT_FEE).withUserData(reference));
        return fee;
    }

    /**
     * Creates the transfers as one linked chain, all or none: {@code OK} if all applied, otherwise the result of
     * the transfer that failed the chain.
     */
    public static CreateTransferResult applyChain(SwitchState state, List<Transfer> chain) {
        List<Transfer> linked = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            Transfer t = chain.get(i);
            linked.add(i < chain.size() - 1 ? t.withFlags(t.flags() | TransferFlags.LINKED) : t);
        }
        List<CreateTransferResult> results = state.ledger().createTransfers(linked);
        if (results.stream().allMatch(CreateTransferResult::applied)) return CreateTransferResult.OK;
        return results.stream().filter(r -> !r.applied() && r != CreateTransferResult.LINKED_EVENT_FAILED)
                .findFirst().orElse(CreateTransferResult.LINKED_EVENT_FAILED);
    }

    private static Transfer resolution(Id128 id, Id128 pendingId, long amount, Id128 reference, int flag) {
        return new Transfer(id, Id128.ZERO, Id128.ZERO, amount, pendingId, reference, 0, 0, 0, flag, 0);
    }

    private static Optional<PaymentIntent> owned(SwitchState state, String callerId, String intentId) {
        return state.find(RecordKind.PAYMENT_INTENT, intentId, PaymentIntent.class)
                .filter(pi -> pi.ownerId().equals(callerId));
    }

    private static Participant participant(SwitchState state, String id) {
        return state.find(RecordKind.PARTICIPANT, id, Participant.class).orElseThrow();
    }

    /** The intent if the caller may confirm it: its owner, or whoever shows its client secret. */
    static Optional<PaymentIntent> forConfirmation(SwitchState state, String callerId, String intentId,
            String clientSecret) {
        return state.find(RecordKind.PAYMENT_INTENT, intentId, PaymentIntent.class)
                .filter(pi -> pi.ownerId().equals(callerId) || secretMatches(pi, clientSecret));
    }

    private static boolean secretMatches(PaymentIntent intent, String clientSecret) {
        if (clientSecret == null || clientSecret.length() != intent.clientSecret().length()) return false;
        // Constant time in the secret's content: a timing difference must not reveal how much of it matched.
        int difference = 0;
        for (int i = 0; i < clientSecret.length(); i++) difference |= clientSecret.charAt(i) ^ intent.clientSecret().charAt(i);
        return difference == 0;
    }
}
