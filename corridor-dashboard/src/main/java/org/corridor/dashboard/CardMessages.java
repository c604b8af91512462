package org.corridor.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.payment.PaymentMethod;

/**
 * A card authorization as the ISO 8583 messages it was: the 0100 request, the issuer's 0110 answer once there is one,
 * and the 0400 reversals sent. Built from the committed authorization and the intent's device token, which keeps
 * only the last four digits of the device PAN: the dashboard never holds a card number, clear or sealed.
 *
 * @param authorizationId {@code auth_…}
 * @param status where the authorization stands
 * @param messages the messages, in the order they were sent
 */
public record CardMessages(String authorizationId, String status, List<Message> messages) {

    /**
     * One message.
     *
     * @param mti its message type indicator
     * @param meaning what it was, in words
     * @param fields data elements shown, as {@code DE11 STAN} and a value
     */
    public record Message(String mti, String meaning, List<Field> fields) {}

    /** One data element. */
    public record Field(String element, String value) {}

    /** The messages of {@code authorization}, paid with {@code token}. */
    static CardMessages of(CardAuthorization authorization, PaymentMethod.DeviceToken token) {
        String stan = String.format("%06d", authorization.traceNumber());
        String rrn = authorization.retrievalReference();
        List<Message> messages = new ArrayList<>();
        messages.add(new Message("0100", "authorization request", List.of(
                new Field("DE2 PAN", "**** " + token.dpanLastFour()),
                new Field("DE4 amount", Format.money(authorization.amountMinor(), authorization.currency())),
                new Field("DE11 STAN", stan),
                new Field("DE37 RRN", rrn),
                new Field("DE41 terminal", authorization.terminalId()),
                new Field("network", token.network()),
                new Field("entry", token.entry().apiName()))));
        if (!authorization.responseCode().isEmpty()) {
            messages.add(new Message("0110", "authorization response", List.of(
                    new Field("DE11 STAN", stan),
                    new Field("DE37 RRN", rrn),
                    new Field("DE38 approval code", authorization.approvalCode().isEmpty() ? "–"
                            : authorization.approvalCode()),
                    new Field("DE39 response code", authorization.responseCode()))));
        }
        for (int attempt = 1; attempt <= authorization.reversalAttempts(); attempt++) {
            messages.add(new Message("0400", "reversal, attempt " + attempt, List.of(
                    new Field("DE11 STAN", stan),
                    new Field("DE37 RRN", rrn))));
        }
        return new CardMessages(authorization.id(), Format.name(authorization.status()), messages);
    }

}
