package org.corridor.core.payment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxQuotes;
import org.corridor.core.card.AtcRule;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * A payment intent paid with a device token, in the two writer steps around the issuer's round trip.
 *
 * <p>{@link #begin} checks the intent, the token and the presented ATC, admits the ATC (durably, so a replay is
 * refused even after a restart) and writes the authorization as {@link AuthorizationStatus#SENT} before anything
 * leaves for the issuer. {@link #complete} books the issuer's answer: an approval moves money from the issuer's
 * settlement account to the merchant exactly as a balance payment does (at once with the fee, or as a reservation
 * for a later capture); a decline fails the intent with the issuer's reason; no answer fails it and queues a
 * reversal, since the issuer may have approved. Voids and expiries of a reserved card payment also queue a
 * reversal; the reversal is kept until the issuer acknowledges it.
 *
 * <p>A token Corridor issued on a customer's balance passes the same token checks in {@link #begin}, and is then
 * authorized there and then by Corridor itself: the balance pays (or reserves) in the same command, with no message
 * to any issuer. {@link #fundingAccount} is where a token's funding is decided.
 */
public final class CardPayments {
    /** Why a presented token is declined before the issuer is asked, in the order the checks run. */
    public enum TokenDecline {
        TOKEN_NOT_FOUND("No device token has this DPAN."),
        TOKEN_SUSPENDED("The device token is suspended."),
        TOKEN_DELETED("The device token was deleted."),
        TOKEN_DOMAIN_MISMATCH("The device token may not pay this way (its domain is another)."),
        CRYPTOGRAM_INVALID("The cryptogram does not match the token, the ATC and the payment."),
        ATC_REPLAYED("This ATC was already used: a replay."),
        ATC_LOWER("The ATC is below one already used."),
        ATC_JUMP_TOO_LARGE("The ATC is too far above the last one used."),
        CURRENCY_NOT_SUPPORTED("Neither the token's issuer nor its balance holds this currency."),
        NET_DEBIT_CAP_EXCEEDED(NetDebitCaps.DECLINE_MESSAGE);

        private final String message;

        TokenDecline(String message) {
            this.message = message;
        }

        PaymentError error() {
            return new PaymentError(name().toLowerCase(Locale.ROOT), message);
        }
    }

    /**
     * What the merchant presents: the DPAN and ATC read from the phone, how it was read, the terminal, and whether the
     * cryptogram verified (checked with the token's key on the request thread, before this command runs).
     */
    public record Presentment(String dpan, int atc, TokenDomain entry, String terminalId, boolean cryptogramValid) {}

    /** The intent as it now stands and, when the issuer is to be asked, the authorization to send. */
    public record Begun(PaymentIntent intent, CardAuthorization authorization) {}

    /** The issuer's answer: DE39 and, when approved, DE38. */
    public record IssuerReply(String responseCode, String approvalCode) {
        public static final String APPROVED = "00";

        public boolean approved() {
            return APPROVED.equals(responseCode);
        }
    }

    private CardPayments() {}

    /**
     * Checks and admits the presentment, then either writes the authorization to send (a card's token) or, for a token
     * Corridor issued on a customer's balance, pays from that balance at once; see the class comment.
     */
    public static Outcome<PaymentOperations.ConfirmResult, Begun> begin(SwitchState state, String callerId,
            String intentId, String clientSecret, Presentment presented) {
        return begin(state, callerId, intentId, clientSecret, presented, FxChoice.NONE);
    }

    /**
     * As above; a card whose issuer holds no account in the intent's currency is billed in the issuer's currency,
     * converted as {@code fx} offers (the market rate the request thread read): the authorization asks the issuer for
     * the converted amount, and the approval pays the merchant through the FX liquidity provider.
     */
    public static Outcome<PaymentOperations.ConfirmResult, Begun> begin(SwitchState state, String callerId,
            String intentId, String clientSecret, Presentment presented, FxChoice fx) {
        Optional<PaymentIntent> found = PaymentOperations.forConfirmation(state, callerId, intentId, clientSecret);
        if (found.isEmpty()) return Outcome.refused(PaymentOperations.ConfirmResult.PAYMENT_INTENT_NOT_FOUND);
        PaymentIntent intent = found.get();
        if (!intent.status().confirmable()) {
            return Outcome.of(PaymentOperations.ConfirmResult.PAYMENT_INTENT_UNEXPECTED_STATE, new Begun(intent, null));
        }
        Optional<DeviceToken> token = state.findByKey(RecordKind.DEVICE_TOKEN, presented.dpan(), DeviceToken.class);
        Optional<FxQuote> billing = billingConversion(state, intent, token, fx);
        String billed = billing.map(q -> q.quote().sellCurrency()).orElse(intent.currency());
        long billedMinor = billing.map(q -> q.quote().sellMinor()).orElse(intent.amountMinor());
        TokenDecline decline = judge(state, billed, billedMinor, token, presented);
        if (decline != null) {
            PaymentMethod tried = token.map(t -> method(t, presented.entry(), "")).orElse(null);
            PaymentIntent failed = PaymentOperations.fail(state, intent, tried, decline.error());
            return Outcome.of(PaymentOperations.ConfirmResult.DECLINED, new Begun(failed, null));
        }
        DeviceToken admitted = admit(state, token.get(), presented);
        if (admitted.fundedByBalance()) {
            // Corridor is this token's issuer: the customer's balance authorizes, in this very command.
            Id128 balance = fundingAccount(state, admitted, intent.currency()).orElseThrow();
            var paid = PaymentOperations.pay(state, intent, method(admitted, presented.entry(), ""), balance);
            return Outcome.of(paid.result(), new Begun(paid.value(), null));
        }
        CardAuthorization authorization = authorization(state, intent.ownerId(), intent.id(), admitted, presented,
                billedMinor, billed);
        PaymentIntent processing = intent.processing(method(admitted, presented.entry(), authorization.id()))
                .withConversion(billing.map(q -> new PaymentConversion(q.id(), q.providerId(), q.quote().customerRate(),
                        q.quote().sellMinor(), 0, 0)).orElse(null));
        state.put(RecordKind.PAYMENT_INTENT, processing.id(), processing);
        return Outcome.of(PaymentOperations.ConfirmResult.OK, new Begun(processing, authorization));
    }

    /**
     * The quote that bills a bank's card in its issuer's currency when the issuer holds no account in the intent's:
     * made here from the market rate {@code fx} carries, owned by the token's wallet provider. Empty when no
     * conversion is needed or none is offered (the currency check then declines).
     */
    private static Optional<FxQuote> billingConversion(SwitchState state, PaymentIntent intent,
            Optional<DeviceToken> token, FxChoice fx) {
        if (token.isEmpty() || token.get().fundedByBalance() || !(fx instanceof FxChoice.AtMarket market)) {
            return Optional.empty();
        }
        String issuerId = token.get().issuerId();
        if (participantAccount(state, issuerId, intent.currency()).isPresent()
                || participantAccount(state, issuerId, market.request().sellCurrency()).isEmpty()
                || !market.request().buyCurrency().equals(intent.currency())
                || market.request().amountMinor() != intent.amountMinor()) {
            return Optional.empty();
        }
        var made = FxQuotes.create(state, token.get().ownerId(), market.request(), market.midRate(),
                market.usdEquivalentMinor());
        return made.ok() ? Optional.of(made.value()) : Optional.empty();
    }

    /** Admits the presented ATC: durable with the command, so a replay is refused even after a restart. */
    static DeviceToken admit(SwitchState state, DeviceToken token, Presentment presented) {
        DeviceToken admitted = token.withHighestAtc(presented.atc());
        state.put(RecordKind.DEVICE_TOKEN, admitted.id(), admitted);
        return admitted;
    }

    /** Writes the authorization to send to a card's issuer, {@link AuthorizationStatus#SENT}, for {@code paidId}. */
    static CardAuthorization authorization(SwitchState state, String acceptorId, String paidId, DeviceToken token,
            Presentment presented, long amountMinor, String currency) {
        CardAuthorization authorization = new CardAuthorization(ObjectIds.of("auth_", state.ids().next()), acceptorId,
                paidId, token.id(), token.issuerId(), state.nextSequence(), presented.terminalId(), presented.entry(),
                amountMinor, currency, AuthorizationStatus.SENT, "", "", 0, state.now());
        put(state, authorization);
        return authorization;
    }

    /** Why a presented token may not pay {@code currency}, or null if it may; in the order of {@link TokenDecline}. */
    static TokenDecline judge(SwitchState state, String currency, long amountMinor, Optional<DeviceToken> found,
            Presentment presented) {
        if (found.isEmpty()) return TokenDecline.TOKEN_NOT_FOUND;
        DeviceToken token = found.get();
        if (token.status() == TokenStatus.SUSPENDED) return TokenDecline.TOKEN_SUSPENDED;
        if (token.status() == TokenStatus.DELETED) return TokenDecline.TOKEN_DELETED;
        if (token.domain() != presented.entry()) return TokenDecline.TOKEN_DOMAIN_MISMATCH;
        if (!presented.cryptogramValid()) return TokenDecline.CRYPTOGRAM_INVALID;
        switch (AtcRule.judge(token.highestAtc(), presented.atc())) {
            case REPLAYED -> { return TokenDecline.ATC_REPLAYED; }
            case LOWER -> { return TokenDecline.ATC_LOWER; }
            case JUMP_TOO_LARGE -> { return TokenDecline.ATC_JUMP_TOO_LARGE; }
            case ADMITTED -> { }
        }
        if (fundingAccount(state, token, currency).isEmpty()) return TokenDecline.CURRENCY_NOT_SUPPORTED;
        // The issuer's position is checked before the request leaves; a balance is limited by itself.
        if (!token.fundedByBalance() && NetDebitCaps.exceeded(state, token.issuerId(), currency, amountMinor)) {
            return TokenDecline.NET_DEBIT_CAP_EXCEEDED;
        }
        return null;
    }

    /**
     * Books the issuer's answer to a {@link AuthorizationStatus#SENT} authorization; {@code reply} null means no
     * answer came (timeout or a broken link). An authorization no longer waiting (recovered at start-up meanwhile)
     * is left as it is.
     */
    public static Outcome<PaymentOperations.ConfirmResult, PaymentIntent> complete(SwitchState state,
            String authorizationId, IssuerReply reply) {
        CardAuthorization authorization = state.find(RecordKind.CARD_AUTHORIZATION, authorizationId,
                CardAuthorization.class).orElseThrow();
        PaymentIntent intent = state.find(RecordKind.PAYMENT_INTENT, authorization.paymentIntentId(),
                PaymentIntent.class).orElseThrow();
        if (authorization.status() != AuthorizationStatus.SENT) {
            return Outcome.of(PaymentOperations.ConfirmResult.DECLINED, intent);
        }
        Check.that(intent.status() == PaymentIntentStatus.PROCESSING, "an intent waits while its authorization is out");
        PaymentMethod method = intent.paymentMethod();
        if (reply == null) {
            put(state, authorization.withStatus(AuthorizationStatus.REVERSAL_PENDING));
            return Outcome.of(PaymentOperations.ConfirmResult.DECLINED,
                    PaymentOperations.fail(state, intent, method, IssuerDeclines.noAnswer()));
        }
        if (!reply.approved()) {
            put(state, authorization.answered(AuthorizationStatus.DECLINED, reply.responseCode(), ""));
            return Outcome.of(PaymentOperations.ConfirmResult.DECLINED,
                    PaymentOperations.fail(state, intent, method, IssuerDeclines.errorFor(reply.responseCode())));
        }
        put(state, authorization.answered(AuthorizationStatus.APPROVED, reply.responseCode(), reply.approvalCode()));
        Outcome<PaymentOperations.ConfirmResult, PaymentIntent> paid =
                PaymentOperations.pay(state, intent, method, issuerFunding(state, authorization, intent));
        // An issuer's settlement account has no limit, but a conversion's liquidity provider may have reached its net
        // debit cap meanwhile: then the approval is given back.
        if (!paid.ok()) requestReversal(state, authorization.id());
        return paid;
    }

    /**
     * What an approved authorization pays with: the issuer's account in the currency it was billed in and, for a card
     * billed in another currency than the intent's, the quote that converts it (made at {@link #begin}).
     */
    private static PaymentOperations.Funding issuerFunding(SwitchState state, CardAuthorization authorization,
            PaymentIntent intent) {
        Id128 issuerAccount = participantAccount(state, authorization.issuerId(), authorization.currency()).orElseThrow();
        if (intent.conversion() == null) return PaymentOperations.Funding.of(issuerAccount);
        FxQuote quote = state.find(RecordKind.FX_QUOTE, intent.conversion().quoteId(), FxQuote.class).orElseThrow();
        var used = FxQuotes.use(state, quote.ownerId(), quote.id(), intent.id(), intent.currency(), intent.amountMinor());
        // The quote outlives the issuer link's timeout, and nothing else uses it: an answer in time finds it open.
        Check.that(used.ok(), "a card's billing quote is usable when the issuer answers: " + used.result());
        return new PaymentOperations.Funding(issuerAccount, used.value());
    }

    /** Queues the reversal of an approved authorization (a void, or an uncaptured reservation that expired). */
    public static void requestReversal(SwitchState state, String authorizationId) {
        // A payment by a token on a customer's balance sent no authorization: there is nothing to reverse.
        if (authorizationId.isEmpty()) return;
        CardAuthorization authorization = state.find(RecordKind.CARD_AUTHORIZATION, authorizationId,
                CardAuthorization.class).orElseThrow();
        if (authorization.status() == AuthorizationStatus.APPROVED) {
            put(state, authorization.withStatus(AuthorizationStatus.REVERSAL_PENDING));
        }
    }

    /** Counts one more reversal attempt of a pending reversal (for the record; the sender retries regardless). */
    public static void reversalAttempted(SwitchState state, String authorizationId) {
        state.find(RecordKind.CARD_AUTHORIZATION, authorizationId, CardAuthorization.class)
                .filter(a -> a.status() == AuthorizationStatus.REVERSAL_PENDING)
                .ifPresent(a -> put(state, a.reversalAttempted()));
    }

    /** The issuer acknowledged the reversal (0410): it is done. */
    public static void reversalAcknowledged(SwitchState state, String authorizationId) {
        state.find(RecordKind.CARD_AUTHORIZATION, authorizationId, CardAuthorization.class)
                .filter(a -> a.status() == AuthorizationStatus.REVERSAL_PENDING)
                .ifPresent(a -> put(state, a.withStatus(AuthorizationStatus.REVERSED)));
    }

    /**
     * At start-up: every authorization still {@link AuthorizationStatus#SENT} was out when the switch stopped, so
     * its answer is lost. Each is queued for reversal and its intent failed (the shopper may try again). Returns
     * how many.
     */
    public static int recoverUnanswered(SwitchState state) {
        List<String> unanswered = state.all(RecordKind.CARD_AUTHORIZATION).stream()
                .map(CardAuthorization.class::cast)
                .filter(a -> a.status() == AuthorizationStatus.SENT)
                .map(CardAuthorization::id)
                .toList();
        for (String id : unanswered) {
            if (CardTopUps.isTopUp(state, id)) CardTopUps.complete(state, id, "", null);
            else complete(state, id, null);
        }
        return unanswered.size();
    }

    /**
     * The account a token payment in {@code currency} draws on and a refund returns to: the routing of a token, here
     * and nowhere else. A card's token draws on its issuer's settlement account; a token Corridor issued draws on its
     * customer's balance, in the token's own currency only.
     */
    static Optional<Id128> fundingAccount(SwitchState state, PaymentMethod.DeviceToken method, String currency) {
        return state.find(RecordKind.DEVICE_TOKEN, method.tokenId(), DeviceToken.class)
                .flatMap(token -> fundingAccount(state, token, currency));
    }

    static Optional<Id128> fundingAccount(SwitchState state, DeviceToken token, String currency) {
        if (!token.fundedByBalance()) return participantAccount(state, token.issuerId(), currency);
        if (!token.currency().equals(currency)) return Optional.empty();
        return state.find(RecordKind.CUSTOMER, token.customerId(), Customer.class).flatMap(c -> c.account(currency));
    }

    static Optional<Id128> participantAccount(SwitchState state, String participantId, String currency) {
        return state.find(RecordKind.PARTICIPANT, participantId, Participant.class).flatMap(p -> p.account(currency));
    }

    static PaymentMethod.DeviceToken method(DeviceToken token, TokenDomain entry, String authorizationId) {
        return new PaymentMethod.DeviceToken(token.id(), token.network(), token.dpanLastFour(), entry, authorizationId);
    }

    static void put(SwitchState state, CardAuthorization authorization) {
        state.put(RecordKind.CARD_AUTHORIZATION, authorization.id(), authorization);
    }
}
