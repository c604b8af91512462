package org.corridor.dashboard;

import java.util.Comparator;
import java.util.List;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.settlement.NetPosition;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.state.RecordKind;

/**
 * The settlement page: every window, newest first, and for each closed one its report: each participant's net
 * position (debits, credits, fees, refunds, net) and whether it is paid out or pays in.
 *
 * @param windows the windows, newest first
 */
public record SettlementView(List<WindowRow> windows) {
    /** How many windows the page shows. */
    static final int WINDOWS_SHOWN = 50;

    /**
     * One window.
     *
     * @param id {@code sw_…}
     * @param currency ISO 4217 code
     * @param number its number in its currency
     * @param status open, closed or settled
     * @param opened when it opened
     * @param closed when it closed, or empty
     * @param settled when it settled, or empty
     * @param lines the report: one line per participant whose account moved (empty while open)
     */
    public record WindowRow(String id, String currency, long number, String status, String opened, String closed,
            String settled, List<Line> lines) {}

    /**
     * One participant's line of a window's report.
     *
     * @param participant its name
     * @param debits posted debits in the window
     * @param credits posted credits in the window
     * @param fees merchant fees in it
     * @param refunds refunds in it
     * @param net credits less debits
     * @param direction {@code payout} (a net creditor), {@code pay-in} (a net debtor) or {@code none}
     */
    public record Line(String participant, String debits, String credits, String fees, String refunds, String net,
            String direction) {}

    static SettlementView read(ObjectReader objects, Directory directory) {
        List<WindowRow> windows = objects.list(RecordKind.SETTLEMENT_WINDOW, ParticipantOperations.OPERATOR_ID,
                        SettlementWindow.class, WINDOWS_SHOWN, null, window -> true).data().stream()
                .sorted(Comparator.comparingLong(SettlementWindow::openedAt).reversed()
                        .thenComparing(SettlementWindow::currency))
                .map(window -> row(window, directory))
                .toList();
        return new SettlementView(windows);
    }

    private static WindowRow row(SettlementWindow window, Directory directory) {
        String currency = window.currency();
        List<Line> lines = window.positions().stream().map(position -> line(position, currency, directory)).toList();
        return new WindowRow(window.id(), currency, window.number(), Format.name(window.status()),
                Format.time(window.openedAt()), window.closedAt() == 0 ? "" : Format.time(window.closedAt()),
                window.settledAt() == 0 ? "" : Format.time(window.settledAt()), lines);
    }

    private static Line line(NetPosition position, String currency, Directory directory) {
        long net = position.netMinor();
        return new Line(directory.nameOf(position.participantId()), Format.money(position.debitsMinor(), currency),
                Format.money(position.creditsMinor(), currency), Format.money(position.feesMinor(), currency),
                Format.money(position.refundsMinor(), currency), Format.money(net, currency),
                net > 0 ? "payout" : net < 0 ? "pay-in" : "none");
    }
}
