package org.corridor.core.payment;

import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxQuotes;
import org.corridor.core.participant.Customer;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.payment.PaymentOperations.Funding;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.SwitchState;

/** Which of a customer's balances pays an intent, and the quote that converts it when it is not in the intent's currency. */
final class CustomerFunding {
    private CustomerFunding() {}

    static Outcome<ConfirmResult, Funding> of(SwitchState state, String callerId, Customer customer, PaymentIntent intent,
            FxChoice fx) {
        if (fx instanceof FxChoice.Quoted quoted) return quoted(state, callerId, customer, intent, quoted.quoteId());
        Optional<Id128> same = customer.account(intent.currency());
        if (same.isPresent()) return Outcome.of(ConfirmResult.OK, Funding.of(same.get()));
        if (!(fx instanceof FxChoice.AtMarket market) || customer.account(market.request().sellCurrency()).isEmpty()) {
            return Outcome.refused(ConfirmResult.CURRENCY_NOT_SUPPORTED);
        }
        var made = FxQuotes.create(state, callerId, market.request(), market.midRate(), market.usdEquivalentMinor());
        if (!made.ok()) return Outcome.refused(ConfirmResult.FX_UNAVAILABLE);
        return quoted(state, callerId, customer, intent, made.value().id());
    }

    private static Outcome<ConfirmResult, Funding> quoted(SwitchState state, String callerId, Customer customer,
            PaymentIntent intent, String quoteId) {
        var used = FxQuotes.use(state, callerId, quoteId, intent.id(), intent.currency(), intent.amountMinor());
        ConfirmResult result = switch (used.result()) {
            case OK -> ConfirmResult.OK;
            case QUOTE_NOT_FOUND -> ConfirmResult.QUOTE_NOT_FOUND;
            case QUOTE_MISMATCH -> ConfirmResult.QUOTE_MISMATCH;
            case QUOTE_USED -> ConfirmResult.QUOTE_USED;
            case QUOTE_EXPIRED -> ConfirmResult.QUOTE_EXPIRED;
        };
        if (result != ConfirmResult.OK) return Outcome.refused(result);
        FxQuote quote = used.value();
        Optional<Id128> account = customer.account(quote.quote().sellCurrency());
        if (account.isEmpty()) return Outcome.refused(ConfirmResult.CURRENCY_NOT_SUPPORTED);
        return Outcome.of(ConfirmResult.OK, new Funding(account.get(), quote));
    }
}
