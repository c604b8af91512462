package org.corridor.gateway.issuer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import org.corridor.codec.emv.EmvData;
import org.corridor.codec.emv.EmvTag;
import org.corridor.codec.emv.EmvTlv;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.Mti;

/**
 * The ISO 8583 requests the switch sends to issuers, built field by field from what the switch knows. The clear
 * PAN is handed in by the vault at the moment of packing and kept only inside the returned message.
 */
public final class CardRequests {
    /** DE3 for a purchase of goods and services, and for an account verification. */
    public static final String PROCESSING_PURCHASE = "000000";
    /** DE22: contactless chip read, no PIN entry capability. */
    public static final String ENTRY_CONTACTLESS = CardMessage.PAN_ENTRY_CONTACTLESS + "1";
    /** DE22: e-commerce with an online cryptogram, no PIN. */
    public static final String ENTRY_ECOMMERCE = CardMessage.PAN_ENTRY_ECOMMERCE + "0";
    /** DE41 of the account verifications sent at enrolment. */
    public static final String VERIFICATION_TERMINAL = "TOKENSVC";

    private static final DateTimeFormatter TRANSMISSION = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("MMdd").withZone(ZoneOffset.UTC);

    /**
     * One payment as the issuer sees it.
     *
     * @param amountMinor DE4 in the currency's minor units
     * @param currency DE49
     * @param traceNumber DE11
     * @param retrievalReference DE37, the same on a request and its reversal; null for none
     * @param terminalId DE41
     * @param merchantId DE42, at most 15 characters
     * @param merchantCategoryCode DE18
     * @param entryMode DE22: {@link #ENTRY_CONTACTLESS} or {@link #ENTRY_ECOMMERCE}
     * @param expiry DE14, {@code yyMM}
     * @param emvData DE55, or null
     */
    public record Payment(long amountMinor, Currency currency, int traceNumber, String retrievalReference,
            String terminalId, String merchantId, String merchantCategoryCode, String entryMode, String expiry,
            byte[] emvData) {}

    private CardRequests() {}

    /** A 0100 authorization request: the issuer holds the amount. */
    public static CardMessage authorization(String clearPan, Payment payment, Instant now) {
        return base(Mti.AUTHORIZATION_REQUEST, clearPan, payment, now).emvData(payment.emvData()).build();
    }

    /** A 0400 reversal of an earlier authorization: the same trace number and terminal find it at the issuer. */
    public static CardMessage reversal(String clearPan, Payment payment, Instant now) {
        return base(Mti.REVERSAL_REQUEST, clearPan, payment, now).build();
    }

    /** A 0100 for amount 0: the issuer confirms the card exists, is open and not expired (enrolment's ID&V). */
    public static CardMessage accountVerification(String clearPan, String expiry, Currency currency, int traceNumber,
            Instant now) {
        Payment check = new Payment(0, currency, traceNumber, null, VERIFICATION_TERMINAL, "CORRIDORTOKENS", "6012",
                ENTRY_ECOMMERCE, expiry, null);
        return base(Mti.AUTHORIZATION_REQUEST, clearPan, check, now).build();
    }

    /** DE55 for a device token payment: the cryptogram and the data it covers. */
    public static byte[] emvData(long amountMinor, Currency currency, int unpredictableNumber, int atc, byte[] cryptogram) {
        byte[] unpredictable = {(byte) (unpredictableNumber >>> 24), (byte) (unpredictableNumber >>> 16),
                (byte) (unpredictableNumber >>> 8), (byte) unpredictableNumber};
        return EmvTlv.build(EmvData.builder()
                .put(EmvTag.APPLICATION_CRYPTOGRAM, cryptogram)
                .applicationTransactionCounter(atc)
                .put(EmvTag.UNPREDICTABLE_NUMBER, unpredictable)
                .amountAuthorisedMinor(amountMinor)
                .transactionCurrencyCode(currency.getNumericCode())
                .build());
    }

    private static CardMessage.Builder base(Mti mti, String clearPan, Payment payment, Instant now) {
        return CardMessage.builder(mti)
                .pan(clearPan)
                .processingCode(PROCESSING_PURCHASE)
                .amountMinor(payment.amountMinor())
                .transmissionDateTime(TRANSMISSION.format(now))
                .stan(payment.traceNumber())
                .retrievalReferenceNumber(payment.retrievalReference())
                .localTime(LOCAL_TIME.format(now))
                .localDate(LOCAL_DATE.format(now))
                .expiry(payment.expiry())
                .merchantCategoryCode(payment.merchantCategoryCode())
                .posEntryMode(payment.entryMode())
                .terminalId(payment.terminalId())
                .merchantId(payment.merchantId())
                .currency(payment.currency());
    }
}
