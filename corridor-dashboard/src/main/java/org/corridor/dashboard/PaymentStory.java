package org.corridor.dashboard;

import java.util.List;
import java.util.Optional;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.Refund;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;

/**
 * Everything the switch holds about one payment, for the payment's page.
 *
 * @param intent the intent as committed now
 * @param merchantName its merchant's name
 * @param rail how it was paid
 * @param quote the FX quote a cross-currency payment used; empty otherwise
 * @param transfers its ledger transfers, oldest first
 * @param transfersComplete false when the search for transfers stopped at its bound (more may exist)
 * @param authorization its card authorization, as ISO 8583 messages; empty for other rails
 * @param refunds its refunds, newest first
 * @param events the webhook events about it and its refunds, newest first, each with its deliveries
 */
public record PaymentStory(PaymentIntent intent, String merchantName, Rail rail, Optional<FxQuote> quote,
        List<TransferRow> transfers, boolean transfersComplete, Optional<CardMessages> authorization,
        List<Refund> refunds, List<EventRow> events) {

    /**
     * One ledger transfer, named.
     *
     * @param id the transfer id (32 hex digits)
     * @param time when the ledger booked it
     * @param reason its code in words
     * @param phase pending, post, void, or empty for a single-phase transfer
     * @param debit who was debited
     * @param credit who was credited
     * @param amount the amount with its currency
     */
    public record TransferRow(String id, String time, String reason, String phase, String debit, String credit,
            String amount) {}

    /** An event and where it was delivered. */
    public record EventRow(Event event, List<Delivery> deliveries) {}
}
