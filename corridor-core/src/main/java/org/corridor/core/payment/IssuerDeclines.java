package org.corridor.core.payment;

/**
 * What an issuer's ISO 8583 response code (DE39) means to a merchant: the payment error the intent shows, with the
 * code itself kept as {@code decline_code}.
 */
final class IssuerDeclines {
    private IssuerDeclines() {}

    static PaymentError errorFor(String responseCode) {
        return switch (responseCode) {
            case "51" -> error("insufficient_funds", "The card has insufficient funds.", responseCode);
            case "54" -> error("expired_card", "The card has expired.", responseCode);
            case "14" -> error("invalid_card", "The issuer does not know this card.", responseCode);
            case "05" -> error("do_not_honor", "The issuer declined the payment without a reason.", responseCode);
            case "61" -> error("exceeds_limit", "The payment exceeds the card's limit.", responseCode);
            case "57" -> error("transaction_not_allowed", "The issuer does not allow this payment on the card.",
                    responseCode);
            case "91" -> error("issuer_unavailable", "The issuer could not be reached; try again.", responseCode);
            default -> error("card_declined", "The issuer declined the payment.", responseCode);
        };
    }

    /** No answer came in time (or the link failed): the outcome is unknown, so the request is reversed. */
    static PaymentError noAnswer() {
        return error("issuer_unavailable", "The issuer did not answer in time; try again.", "");
    }

    private static PaymentError error(String code, String message, String declineCode) {
        return new PaymentError(code, message, declineCode);
    }
}
