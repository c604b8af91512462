package org.corridor.core.wallet;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.kyc.CustomerLimits;
import org.corridor.core.kyc.LimitResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.TransferCodes;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookOperations;

/**
 * Transfers between customers and withdrawals, run on the writer thread: checks first (the paying customer's KYC tier
 * limits last), then one ledger transfer, then the limit usage is recorded.
 */
public final class WalletOperations {
    /**
     * In precedence order; the limit results are {@link LimitResult}'s of the same name (a transfer converts nothing,
     * so it meets no cross-border quota), and {@link #INSUFFICIENT_FUNDS} is the ledger's refusal of the sender's balance.
     */
    public enum TransferResult {
        OK, CUSTOMER_NOT_FOUND, RECIPIENT_NOT_FOUND, SAME_CUSTOMER, CURRENCY_NOT_SUPPORTED,
        RECIPIENT_CURRENCY_NOT_SUPPORTED, CURRENCY_NOT_ALLOWED_BY_TIER, PER_PAYMENT_LIMIT_EXCEEDED, DAILY_LIMIT_EXCEEDED,
        YEARLY_LIMIT_EXCEEDED, INSUFFICIENT_FUNDS
    }

    /** In precedence order; the limit results are {@link LimitResult}'s of the same name. */
    public enum WithdrawalResult {
        OK, CUSTOMER_NOT_FOUND, CURRENCY_NOT_SUPPORTED, CURRENCY_NOT_ALLOWED_BY_TIER, PER_PAYMENT_LIMIT_EXCEEDED,
        DAILY_LIMIT_EXCEEDED, YEARLY_LIMIT_EXCEEDED, INSUFFICIENT_FUNDS
    }

    private WalletOperations() {}

    /** Moves {@code amountMinor} from {@code ownerId}'s customer {@code fromId} to customer {@code toId} (anyone's). */
    public static Outcome<TransferResult, WalletTransfer> transfer(SwitchState state, String ownerId, String id,
            String fromId, String toId, long amountMinor, String currency, String description) {
        Optional<Customer> from = ownCustomer(state, ownerId, fromId);
        if (from.isEmpty()) return Outcome.refused(TransferResult.CUSTOMER_NOT_FOUND);
        Optional<Customer> to = state.find(RecordKind.CUSTOMER, toId, Customer.class);
        if (to.isEmpty()) return Outcome.refused(TransferResult.RECIPIENT_NOT_FOUND);
        if (fromId.equals(toId)) return Outcome.refused(TransferResult.SAME_CUSTOMER);
        Optional<Id128> debit = from.get().account(currency);
        if (debit.isEmpty()) return Outcome.refused(TransferResult.CURRENCY_NOT_SUPPORTED);
        Optional<Id128> credit = to.get().account(currency);
        if (credit.isEmpty()) return Outcome.refused(TransferResult.RECIPIENT_CURRENCY_NOT_SUPPORTED);
        CustomerLimits.Admission limits = CustomerLimits.admit(state, from.get(), currency, amountMinor, 0);
        if (!limits.ok()) return Outcome.refused(TransferResult.valueOf(limits.result().name()));
        Id128 transferId = state.ids().next();
        if (!move(state, transferId, debit.get(), credit.get(), amountMinor, currency, id, TransferCodes.WALLET_TRANSFER)) {
            return Outcome.refused(TransferResult.INSUFFICIENT_FUNDS);
        }
        limits.record(state);
        WalletTransfer done = new WalletTransfer(id, ownerId, fromId, toId, amountMinor, currency, description,
                transferId, state.now());
        state.put(RecordKind.WALLET_TRANSFER, id, done);
        // The recipient's wallet provider learns of the money its customer received from the event.
        WebhookOperations.emit(state, ownerId, EventTypes.WALLET_TRANSFER_CREATED, RecordKind.WALLET_TRANSFER, done);
        if (!to.get().ownerId().equals(ownerId)) {
            WebhookOperations.emit(state, to.get().ownerId(), EventTypes.WALLET_TRANSFER_CREATED,
                    RecordKind.WALLET_TRANSFER, done);
        }
        return Outcome.of(TransferResult.OK, done);
    }

    /** Moves {@code amountMinor} from {@code ownerId}'s customer back to the wallet provider's funding account. */
    public static Outcome<WithdrawalResult, Withdrawal> withdraw(SwitchState state, String ownerId, String id,
            String customerId, long amountMinor, String currency) {
        Optional<Customer> customer = ownCustomer(state, ownerId, customerId);
        if (customer.isEmpty()) return Outcome.refused(WithdrawalResult.CUSTOMER_NOT_FOUND);
        Optional<Id128> balance = customer.get().account(currency);
        if (balance.isEmpty()) return Outcome.refused(WithdrawalResult.CURRENCY_NOT_SUPPORTED);
        CustomerLimits.Admission limits = CustomerLimits.admit(state, customer.get(), currency, amountMinor, 0);
        if (!limits.ok()) return Outcome.refused(WithdrawalResult.valueOf(limits.result().name()));
        Participant provider = state.find(RecordKind.PARTICIPANT, ownerId, Participant.class).orElseThrow();
        Id128 funding = provider.account(currency).orElseThrow();
        Id128 transferId = state.ids().next();
        if (!move(state, transferId, balance.get(), funding, amountMinor, currency, id, TransferCodes.WITHDRAWAL)) {
            return Outcome.refused(WithdrawalResult.INSUFFICIENT_FUNDS);
        }
        limits.record(state);
        Withdrawal done = new Withdrawal(id, ownerId, customerId, amountMinor, currency, transferId, state.now());
        state.put(RecordKind.WITHDRAWAL, id, done);
        WebhookOperations.emit(state, ownerId, EventTypes.WITHDRAWAL_CREATED, RecordKind.WITHDRAWAL, done);
        return Outcome.of(WithdrawalResult.OK, done);
    }

    private static Optional<Customer> ownCustomer(SwitchState state, String ownerId, String customerId) {
        return state.find(RecordKind.CUSTOMER, customerId, Customer.class).filter(c -> c.ownerId().equals(ownerId));
    }

    /** One transfer; false when the debited balance is too low (a customer's balance never goes below zero). */
    private static boolean move(SwitchState state, Id128 transferId, Id128 debit, Id128 credit, long amountMinor,
            String currency, String objectId, int code) {
        Transfer transfer = Transfer.of(transferId, debit, credit, amountMinor, Currencies.ledger(currency), code)
                .withUserData(ObjectIds.numberOf(objectId));
        CreateTransferResult result = state.ledger().createTransfers(List.of(transfer)).getFirst();
        Check.that(result.applied() || result == CreateTransferResult.EXCEEDS_CREDITS,
                "a wallet movement between existing accounts was refused: " + result);
        return result.applied();
    }
}
