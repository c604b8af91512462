package org.corridor.core.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * The invariants of settlement windows, checked when the writer loads its state: at most one open window per
 * currency; a currency's windows follow each other without a gap or an overlap; a closed window's figures sum to
 * zero; a settled window's transfers exist in the ledger and each moves one of its non-zero nets, in full, between
 * the participant's account and the settlement account, the right way.
 */
public final class SettlementAudit {
    private SettlementAudit() {}

    /** Every broken invariant, as a sentence; empty when all hold. */
    public static List<String> violations(SwitchState state) {
        List<String> violations = new ArrayList<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (Object value : state.all(RecordKind.SETTLEMENT_WINDOW)) currencies.add(((SettlementWindow) value).currency());
        for (String currency : currencies) {
            List<SettlementWindow> windows = SettlementWindows.windowsOf(state, currency);
            long open = windows.stream().filter(w -> w.status() == WindowStatus.OPEN).count();
            if (open > 1) violations.add(currency + " has " + open + " open settlement windows");
            long through = 0;
            for (SettlementWindow window : windows) {
                if (window.coversAfter() != through) {
                    violations.add("settlement window " + window.id() + " starts after " + window.coversAfter()
                            + ", its predecessor ends at " + through);
                }
                through = window.coversThrough();
                checkWindow(state, window, violations);
            }
        }
        return violations;
    }

    private static void checkWindow(SwitchState state, SettlementWindow window, List<String> violations) {
        String name = "settlement window " + window.id();
        if (window.status() != WindowStatus.OPEN && Math.addExact(window.participantsNetMinor(),
                Math.addExact(window.customersMinor(), window.houseMinor())) != 0) {
            violations.add(name + "'s nets, customers and house do not sum to zero");
        }
        if (window.status() != WindowStatus.SETTLED) return;
        long nonZero = window.positions().stream().filter(p -> p.netMinor() != 0).count();
        if (nonZero != window.transferIds().size()) {
            violations.add(name + " has " + window.transferIds().size() + " settlement transfers for " + nonZero + " nets");
        }
        int next = 0;
        for (NetPosition position : window.positions()) {
            if (position.netMinor() == 0 || next >= window.transferIds().size()) continue;
            Id128 id = window.transferIds().get(next++);
            Optional<Transfer> transfer = state.ledger().transfer(id);
            if (transfer.isEmpty() || !settles(transfer.get(), window, position)) {
                violations.add(name + " has no settlement transfer " + id + " of " + position.participantId() + "'s net "
                        + position.netMinor() + " in the ledger");
            }
        }
    }

    /** Whether {@code t} moves the position's net between its account and the settlement account, the right way. */
    private static boolean settles(Transfer t, SettlementWindow window, NetPosition position) {
        boolean payout = position.netMinor() > 0;
        return t.code() == SettlementWindows.TRANSFER_CODE && t.amount() == Math.absExact(position.netMinor())
                && t.debitAccountId().equals(payout ? position.accountId() : window.settlementAccountId())
                && t.creditAccountId().equals(payout ? window.settlementAccountId() : position.accountId());
    }
}
