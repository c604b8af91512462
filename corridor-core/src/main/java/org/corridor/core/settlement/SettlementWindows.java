package org.corridor.core.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.port.FxRates;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * Settlement windows, run on the writer thread. One window per currency is open at a time. Closing it fixes the
 * net position of every participant over the transfers it covers ({@link NetPositions}) and opens the next window
 * in the same command, starting where this one ends. Settling books, as one linked chain, one transfer per
 * participant with a non-zero net between its account and the operator's settlement account of the currency: a
 * net creditor's account pays the settlement account (the payout leaves the switch from there), the settlement
 * account pays a net debtor's (it paid in). A window settles once: the chain and the window's new status commit
 * in the same batch, so after a crash a window is either closed (settle it again) or settled.
 */
public final class SettlementWindows {
    /** The ledger code of the operator's settlement accounts. */
    public static final int ACCOUNT_CODE = 30;
    /** The transfer code of a settlement transfer. */
    public static final int TRANSFER_CODE = 120;
    /** Settlement transfers one window books at most: they are one linked chain, one ledger command. */
    public static final int TRANSFERS_PER_WINDOW_MAX = LedgerStateMachine.EVENTS_PER_COMMAND_MAX;
    /** Participants of one currency a window has positions for at most: each may need a settlement transfer. */
    public static final int POSITIONS_PER_WINDOW_MAX = TRANSFERS_PER_WINDOW_MAX;

    /** In precedence order. */
    public enum CloseResult { OK, WINDOW_NOT_FOUND, WINDOW_NOT_OPEN }

    /** In precedence order. */
    public enum SettleResult { OK, WINDOW_NOT_FOUND, WINDOW_ALREADY_SETTLED, WINDOW_NOT_CLOSED }

    private SettlementWindows() {}

    /** The open window of a currency, opened (with its settlement account, for the first) when there is none. */
    public static SettlementWindow open(SwitchState state, String currency) {
        Optional<SettlementWindow> open = openOf(state, currency);
        if (open.isPresent()) return open.get();
        Optional<SettlementWindow> last = windowsOf(state, currency).stream().reduce((first, second) -> second);
        Check.that(last.isEmpty() || last.get().status() != WindowStatus.OPEN, "no open window was found");
        Id128 account = last.isPresent() ? last.get().settlementAccountId() : openSettlementAccount(state, currency);
        return put(state, SettlementWindow.open(ObjectIds.of("sw_", state.ids().next()), currency,
                last.map(w -> w.number() + 1).orElse(1L), account, last.map(SettlementWindow::coversThrough).orElse(0L),
                state.now()));
    }

    /** Opens a window for every currency a participant holds an account in and that has none open; how many. */
    public static int openMissing(SwitchState state) {
        TreeSet<String> currencies = new TreeSet<>();
        for (Object value : state.all(RecordKind.PARTICIPANT)) currencies.addAll(((Participant) value).accounts().keySet());
        int opened = 0;
        for (String currency : currencies) {
            if (openOf(state, currency).isEmpty()) {
                open(state, currency);
                opened++;
            }
        }
        return opened;
    }

    /** The open window of a currency, if there is one. */
    public static Optional<SettlementWindow> openOf(SwitchState state, String currency) {
        return windowsOf(state, currency).stream().filter(w -> w.status() == WindowStatus.OPEN).findFirst();
    }

    /** A currency's windows, oldest first. */
    public static List<SettlementWindow> windowsOf(SwitchState state, String currency) {
        return state.all(RecordKind.SETTLEMENT_WINDOW).stream().map(SettlementWindow.class::cast)
                .filter(w -> w.currency().equals(currency))
                .sorted(Comparator.comparingLong(SettlementWindow::number)).toList();
    }

    /**
     * Closes an open window at the ledger's last timestamp, with every participant's net position, and opens the
     * currency's next window; answers the closed window.
     */
    public static Outcome<CloseResult, SettlementWindow> close(SwitchState state, String windowId) {
        return close(state, windowId, null);
    }

    /**
     * As above; with {@code rates}, first converts what merchants settling in another currency hold in the window's
     * currency into theirs (see {@link PayoutConversions}), so that they are paid out in their settlement currency.
     */
    public static Outcome<CloseResult, SettlementWindow> close(SwitchState state, String windowId, FxRates rates) {
        Optional<SettlementWindow> found = state.find(RecordKind.SETTLEMENT_WINDOW, windowId, SettlementWindow.class);
        if (found.isEmpty()) return Outcome.refused(CloseResult.WINDOW_NOT_FOUND);
        if (found.get().status() != WindowStatus.OPEN) return Outcome.of(CloseResult.WINDOW_NOT_OPEN, found.get());
        SettlementWindow window = found.get();
        if (rates != null) PayoutConversions.sweep(state, window.currency(), rates);
        long through = state.ledger().lastTimestamp();
        Check.that(through >= window.coversAfter(), "the ledger's clock never goes back");
        NetPositions.Computed nets = NetPositions.compute(state, window.currency(), window.coversAfter(), through);
        Check.that(nets.positions().size() <= POSITIONS_PER_WINDOW_MAX, "too many participants in "
                + window.currency() + " to settle in one chain: " + nets.positions().size());
        SettlementWindow closed = put(state, window.closed(through, nets.positions(), nets.customersMinor(),
                nets.houseMinor(), state.now()));
        open(state, window.currency());
        return Outcome.of(CloseResult.OK, closed);
    }

    /**
     * Closes every open window whose currency moved since it opened (an idle currency keeps its window); answers the
     * closed windows. For a scheduled close.
     */
    public static List<SettlementWindow> closeAllMoved(SwitchState state, FxRates rates) {
        List<SettlementWindow> closed = new ArrayList<>();
        for (Object value : List.copyOf(state.all(RecordKind.SETTLEMENT_WINDOW))) {
            SettlementWindow window = (SettlementWindow) value;
            if (window.status() != WindowStatus.OPEN) continue;
            NetPositions.Computed nets = NetPositions.compute(state, window.currency(), window.coversAfter(),
                    state.ledger().lastTimestamp());
            if (nets.positions().isEmpty() && nets.customersMinor() == 0 && nets.houseMinor() == 0) continue;
            closed.add(close(state, window.id(), rates).value());
        }
        return closed;
    }

    /**
     * A scheduled round: opens the windows missing, closes every window whose currency moved, and settles every
     * closed window (also one an earlier crash or an on-demand close left unsettled). Answers how many it settled.
     */
    public static int closeAndSettleAll(SwitchState state, FxRates rates) {
        openMissing(state);
        closeAllMoved(state, rates);
        int settled = 0;
        for (Object value : List.copyOf(state.all(RecordKind.SETTLEMENT_WINDOW))) {
            SettlementWindow window = (SettlementWindow) value;
            if (window.status() == WindowStatus.CLOSED && settle(state, window.id()).ok()) settled++;
        }
        return settled;
    }

    /** Books a closed window's settlement transfers as one linked chain; answers the window as it stands. */
    public static Outcome<SettleResult, SettlementWindow> settle(SwitchState state, String windowId) {
        Optional<SettlementWindow> found = state.find(RecordKind.SETTLEMENT_WINDOW, windowId, SettlementWindow.class);
        if (found.isEmpty()) return Outcome.refused(SettleResult.WINDOW_NOT_FOUND);
        SettlementWindow window = found.get();
        if (window.status() == WindowStatus.SETTLED) return Outcome.of(SettleResult.WINDOW_ALREADY_SETTLED, window);
        if (window.status() != WindowStatus.CLOSED) return Outcome.of(SettleResult.WINDOW_NOT_CLOSED, window);
        int ledger = Currencies.ledger(window.currency());
        Id128 reference = ObjectIds.numberOf(window.id());
        List<Transfer> chain = new ArrayList<>();
        for (NetPosition position : window.positions()) {
            long net = position.netMinor();
            if (net == 0) continue;
            Id128 from = net > 0 ? position.accountId() : window.settlementAccountId();
            Id128 to = net > 0 ? window.settlementAccountId() : position.accountId();
            chain.add(Transfer.of(state.ids().next(), from, to, Math.absExact(net), ledger, TRANSFER_CODE)
                    .withUserData(reference));
        }
        Check.that(chain.size() <= TRANSFERS_PER_WINDOW_MAX, "a window settles in one chain: " + chain.size());
        List<Transfer> linked = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            Transfer t = chain.get(i);
            linked.add(i < chain.size() - 1 ? t.withFlags(t.flags() | TransferFlags.LINKED) : t);
        }
        for (CreateTransferResult result : state.ledger().createTransfers(linked)) {
            Check.that(result.applied(), "a settlement transfer was refused: " + result);
        }
        return Outcome.of(SettleResult.OK, put(state, window.settled(chain.stream().map(Transfer::id).toList(),
                state.now())));
    }

    private static Id128 openSettlementAccount(SwitchState state, String currency) {
        Id128 account = state.ids().next();
        CreateAccountResult opened = state.ledger().createAccounts(List.of(Account.open(account,
                Currencies.ledger(currency), ACCOUNT_CODE, 0, ObjectIds.numberOf(ParticipantOperations.OPERATOR_ID))))
                .getFirst();
        Check.that(opened.created(), "a fresh settlement account was refused: " + opened);
        return account;
    }

    private static SettlementWindow put(SwitchState state, SettlementWindow window) {
        state.put(RecordKind.SETTLEMENT_WINDOW, window.id(), window);
        return window;
    }
}
