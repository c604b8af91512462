package org.corridor.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;

/**
 * The payments page: the filters asked for, one page of payments, and what the filter form offers.
 *
 * @param filters the filters applied
 * @param rows the payments, newest first
 * @param nextQuery the query string of the next page; empty on the last page
 * @param merchants the merchants to filter by
 */
public record PaymentsView(PaymentFilters filters, List<Row> rows, Optional<String> nextQuery,
        List<Participant> merchants) {

    /** One payment in the list. */
    public record Row(PaymentIntent intent, String merchantName, Rail rail) {}

    PaymentsView(PaymentFilters filters, PaymentFeed.Page page, Directory directory) {
        this(filters, page.intents().stream()
                        .map(intent -> new Row(intent, directory.nameOf(intent.ownerId()), Rail.of(intent))).toList(),
                page.nextCursor().map(filters::nextQuery), directory.merchants());
    }

    /** The statuses the filter offers, as the API spells them. */
    public List<String> statuses() {
        return Arrays.stream(PaymentIntentStatus.values()).map(Format::name).toList();
    }

    /** The rails the filter offers. */
    public List<Rail> rails() {
        return List.of(Rail.values());
    }
}
