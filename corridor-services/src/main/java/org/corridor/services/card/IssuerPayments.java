package org.corridor.services.card;

import java.util.Currency;
import java.util.Locale;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.participant.Participant;
import org.corridor.gateway.issuer.CardRequests;
import org.corridor.gateway.routing.CardNetwork;

/** How an authorization record becomes the fields of its ISO 8583 request (and, later, of its reversal). */
final class IssuerPayments {
    /** DE18 for a merchant onboarded without a category: miscellaneous retail. */
    static final String MERCHANT_CATEGORY_DEFAULT = "5999";
    /** DE42 holds 15 characters: the end of the merchant's id, which is the random part. */
    static final int MERCHANT_ID_CHARS = 15;

    private IssuerPayments() {}

    static CardRequests.Payment of(CardAuthorization authorization, Card card, Participant merchant, byte[] emvData) {
        String merchantId = merchant.id().substring(Math.max(0, merchant.id().length() - MERCHANT_ID_CHARS));
        String category = merchant.merchantCategoryCode() == 0 ? MERCHANT_CATEGORY_DEFAULT
                : digits(merchant.merchantCategoryCode(), 4);
        String entry = authorization.domain() == TokenDomain.CONTACTLESS
                ? CardRequests.ENTRY_CONTACTLESS : CardRequests.ENTRY_ECOMMERCE;
        return new CardRequests.Payment(authorization.amountMinor(), Currency.getInstance(authorization.currency()),
                authorization.traceNumber(), authorization.retrievalReference(), authorization.terminalId(), merchantId,
                category, entry, expiry(card),
                emvData);
    }

    /** DE14, {@code yyMM}. */
    static String expiry(Card card) {
        return expiry(card.expiryYear(), card.expiryMonth());
    }

    static String expiry(int year, int month) {
        return digits(year % 100, 2) + digits(month, 2);
    }

    /** {@code value} with leading zeros to {@code width} digits (cheaper than a format on every request). */
    private static String digits(int value, int width) {
        String text = Integer.toString(value);
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }

    static CardNetwork network(Card card) {
        return CardNetwork.valueOf(card.network().toUpperCase(Locale.ROOT));
    }
}
