package org.corridor.core.payment;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.TopUp;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookOperations;

/**
 * A customer's balance topped up from a card's device token in the shopper's phone, in the two writer steps around
 * the issuer's round trip, as {@link CardPayments} does for a payment. The wallet provider is the acceptor: the
 * cryptogram is over the top-up's amount and the provider's id, and the authorization is the provider's.
 *
 * <p>{@link #begin} runs the same token checks as a payment and writes the authorization as
 * {@link AuthorizationStatus#SENT}, holding the top-up's id where a payment holds its intent's. {@link #complete}
 * books the answer: an approval moves the amount from the issuer's settlement account to the customer's balance as
 * one transfer, with the top-up and its {@code customer.topped_up} event; a decline books nothing; no answer books
 * nothing and queues a reversal. A token on a balance cannot top up a balance: only a card's token can.
 */
public final class CardTopUps {
    /** In precedence order; {@link #DECLINED} carries the reason. */
    public enum Result { OK, CUSTOMER_NOT_FOUND, CURRENCY_NOT_SUPPORTED, PAYMENT_METHOD_UNSUPPORTED, DECLINED }

    /**
     * Where a top-up stands: the authorization to send (after {@link #begin}), the top-up booked (after an approval),
     * or why it was declined.
     */
    public record Attempt(CardAuthorization authorization, TopUp topUp, PaymentError error) {
        static Attempt declined(PaymentError error) {
            return new Attempt(null, null, error);
        }
    }

    private CardTopUps() {}

    /** Checks the customer and the presented token, admits the ATC and writes the authorization to send. */
    public static Outcome<Result, Attempt> begin(SwitchState state, String callerId, String topUpId, String customerId,
            long amountMinor, String currency, CardPayments.Presentment presented) {
        Optional<Customer> customer = state.find(RecordKind.CUSTOMER, customerId, Customer.class)
                .filter(c -> c.ownerId().equals(callerId));
        if (customer.isEmpty()) return Outcome.refused(Result.CUSTOMER_NOT_FOUND);
        if (customer.get().account(currency).isEmpty()) return Outcome.refused(Result.CURRENCY_NOT_SUPPORTED);
        Optional<DeviceToken> token = state.findByKey(RecordKind.DEVICE_TOKEN, presented.dpan(), DeviceToken.class);
        if (token.isPresent() && token.get().fundedByBalance()) return Outcome.refused(Result.PAYMENT_METHOD_UNSUPPORTED);
        CardPayments.TokenDecline decline = CardPayments.judge(state, currency, amountMinor, token, presented);
        if (decline != null) return Outcome.of(Result.DECLINED, Attempt.declined(decline.error()));
        DeviceToken admitted = CardPayments.admit(state, token.get(), presented);
        CardAuthorization authorization = CardPayments.authorization(state, callerId, topUpId, admitted, presented,
                amountMinor, currency);
        return Outcome.of(Result.OK, new Attempt(authorization, null, null));
    }

    /**
     * Books the issuer's answer to a top-up's {@link AuthorizationStatus#SENT} authorization; {@code reply} null means
     * no answer came. An authorization no longer waiting (recovered at start-up meanwhile) is left as it is.
     */
    public static Outcome<Result, Attempt> complete(SwitchState state, String authorizationId, String customerId,
            CardPayments.IssuerReply reply) {
        CardAuthorization authorization = state.find(RecordKind.CARD_AUTHORIZATION, authorizationId,
                CardAuthorization.class).orElseThrow();
        if (authorization.status() != AuthorizationStatus.SENT) {
            return Outcome.of(Result.DECLINED, Attempt.declined(IssuerDeclines.noAnswer()));
        }
        if (reply == null) {
            CardPayments.put(state, authorization.withStatus(AuthorizationStatus.REVERSAL_PENDING));
            return Outcome.of(Result.DECLINED, Attempt.declined(IssuerDeclines.noAnswer()));
        }
        if (!reply.approved()) {
            CardPayments.put(state, authorization.answered(AuthorizationStatus.DECLINED, reply.responseCode(), ""));
            return Outcome.of(Result.DECLINED, Attempt.declined(IssuerDeclines.errorFor(reply.responseCode())));
        }
        CardAuthorization approved = authorization.answered(AuthorizationStatus.APPROVED, reply.responseCode(),
                reply.approvalCode());
        CardPayments.put(state, approved);
        return Outcome.of(Result.OK, new Attempt(approved, book(state, approved, customerId), null));
    }

    private static TopUp book(SwitchState state, CardAuthorization authorization, String customerId) {
        String currency = authorization.currency();
        Id128 issuerAccount = CardPayments.participantAccount(state, authorization.issuerId(), currency).orElseThrow();
        Id128 balance = state.find(RecordKind.CUSTOMER, customerId, Customer.class).orElseThrow().account(currency)
                .orElseThrow();
        Id128 transferId = state.ids().next();
        Transfer transfer = Transfer.of(transferId, issuerAccount, balance, authorization.amountMinor(),
                Currencies.ledger(currency), TransferCodes.TOP_UP)
                .withUserData(ObjectIds.numberOf(authorization.paymentIntentId()));
        CreateTransferResult moved = state.ledger().createTransfers(List.of(transfer)).getFirst();
        Check.that(moved.applied(), "an issuer's settlement account has no limit: " + moved);
        DeviceToken token = state.find(RecordKind.DEVICE_TOKEN, authorization.tokenId(), DeviceToken.class).orElseThrow();
        TopUp topUp = new TopUp(authorization.paymentIntentId(), authorization.ownerId(), customerId,
                authorization.amountMinor(), currency, transferId, state.now(),
                CardPayments.method(token, authorization.domain(), authorization.id()));
        state.put(RecordKind.TOP_UP, topUp.id(), topUp);
        WebhookOperations.emit(state, topUp.ownerId(), EventTypes.CUSTOMER_TOPPED_UP, RecordKind.TOP_UP, topUp);
        return topUp;
    }

    /** Whether the authorization pays a top-up (rather than a payment intent). */
    static boolean isTopUp(SwitchState state, String authorizationId) {
        return state.find(RecordKind.CARD_AUTHORIZATION, authorizationId, CardAuthorization.class)
                .map(a -> a.paymentIntentId().startsWith(TopUp.ID_PREFIX)).orElse(false);
    }
}
