package org.corridor.core.port;

import java.util.function.Function;
import org.corridor.core.card.Card;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.payment.CardPayments;
import org.corridor.core.payment.CardTopUps;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.SwitchState;

/**
 * The card rails as the API sees them: the slow and secret work (verifying a card with its issuer, sealing its PAN,
 * checking a cryptogram, the issuer's round trip) runs on the request thread, and what must be durable comes back
 * as a command for the writer.
 */
public interface CardRails {
    /**
     * A card as a device wallet sends it for enrolment. The number is a clear PAN: {@link #toString()} masks it, and
     * it goes nowhere but the vault and the issuer.
     */
    record CardDetails(String number, int expiryMonth, int expiryYear, String cardholderName) {
        @Override
        public String toString() {
            String digits = number == null ? "" : number;
            String masked = digits.length() < 13 ? "****"
                    : digits.substring(0, 6) + "…" + digits.substring(digits.length() - 4);
            return "CardDetails[" + masked + ", " + expiryMonth + "/" + expiryYear + "]";
        }
    }

    /** Why an enrolment is refused before the writer sees it, in the order the checks run. */
    enum EnrolmentRefusal {
        CARD_NUMBER_INVALID, CARD_EXPIRED, CARD_NETWORK_UNSUPPORTED, ISSUER_UNKNOWN, ISSUER_UNAVAILABLE, CARD_DECLINED
    }

    /** The outcome of preparing an enrolment. */
    sealed interface Enrolment {
        /** Refused; {@code declineCode} is the issuer's DE39 for {@link EnrolmentRefusal#CARD_DECLINED}. */
        record Refused(EnrolmentRefusal reason, String declineCode) implements Enrolment {}

        /**
         * Verified and sealed: the card and token to write, and the token's cryptogram key in hex (32 characters),
         * which goes to the device wallet in the reply and nowhere else.
         */
        record Verified(Card card, DeviceToken token, String tokenKeyHex) implements Enrolment {
            @Override
            public String toString() {
                return "Verified[" + token + "]";
            }
        }
    }

    /**
     * Verifies the card with its issuer (an account verification, amount 0) and seals it, for token {@code tokenId}
     * of {@code requestorId} on {@code deviceId} in {@code domain}.
     */
    Enrolment verify(String requestorId, String tokenId, CardDetails card, String deviceId, TokenDomain domain);

    /**
     * A keyed digest of a request that carries a card number (an enrolment), for recognising its retries: a plain hash
     * of it, kept in the idempotency record, could be searched through the few numbers a BIN and last four leave.
     */
    String requestFingerprint(byte[] request);

    /** What the merchant presents for one payment: the phone's DPAN and ATC, the cryptogram, and the terminal. */
    record TokenPresentment(String dpan, int atc, byte[] cryptogram, int unpredictableNumber, TokenDomain entry,
            String terminalId) {
        @Override
        public String toString() {
            return "TokenPresentment[…" + dpan.substring(Math.max(0, dpan.length() - 4)) + ", atc=" + atc + "]";
        }
    }

    /**
     * Checks the cryptogram, admits the ATC and sends the authorization to the card's issuer, waiting for its answer
     * (bounded by the issuer link's response timeout); returns the writer command that books the answer. Declines
     * before the issuer (token state, domain, cryptogram, ATC) are already durable when this returns, and the
     * command then only repeats them.
     */
    Function<SwitchState, Outcome<PaymentOperations.ConfirmResult, PaymentIntent>> authorize(String callerId,
            String intentId, String clientSecret, TokenPresentment presented);

    /**
     * Tops up customer {@code customerId} of the wallet provider {@code callerId} from a card's device token in the
     * shopper's phone: checks the cryptogram (over the amount, the currency and the provider's id), sends the
     * authorization to the card's issuer and returns the writer command that books its answer, as {@link #authorize}
     * does for a payment.
     */
    Function<SwitchState, Outcome<CardTopUps.Result, CardTopUps.Attempt>> topUp(String callerId, String topUpId,
            String customerId, long amountMinor, String currency, TokenPresentment presented);

    /**
     * A token Corridor issues on a customer's balance, ready for the writer: its DPAN (from Corridor's own token BIN
     * range) and sealed key in the token, and the key in hex for the device wallet, shown once.
     */
    record BalanceToken(DeviceToken token, String tokenKeyHex) {
        @Override
        public String toString() {
            return "BalanceToken[" + token + "]";
        }
    }

    /** Draws a DPAN and a cryptogram key for token {@code tokenId} on {@code customerId}'s balance in {@code currency}. */
    BalanceToken newBalanceToken(String requestorId, String tokenId, String customerId, String currency,
            String deviceId, TokenDomain domain);

    /** What the request thread found before the issuer was asked: for tests of the precedence. */
    static CardPayments.Presentment presentment(TokenPresentment presented, boolean cryptogramValid) {
        return new CardPayments.Presentment(presented.dpan(), presented.atc(), presented.entry(),
                presented.terminalId(), cryptogramValid);
    }
}
