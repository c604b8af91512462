package org.corridor.api.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.corridor.core.Id128;
import org.corridor.core.participant.Participant;
import org.corridor.core.settlement.NetDebitCap;
import org.corridor.core.settlement.NetPosition;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.settlement.WindowStatus;

/**
 * The JSON and CSV shapes of settlement windows, their reports and net debit caps; pure functions of the objects,
 * as {@link ObjectJson}'s are. Amounts are integer minor units of the window's currency.
 */
final class SettlementJson {
    /** The CSV report's columns, in order. */
    static final List<String> CSV_COLUMNS = List.of("participant", "role", "currency", "debits", "credits", "fees",
            "refunds", "net", "direction", "amount", "settlement_transfer");

    /** One participant's line of a report. */
    record Line(NetPosition position, String role, String transferId) {
        /** {@code payout} for a net creditor, {@code pay_in} for a net debtor, {@code none} for a zero net. */
        String direction() {
            long net = position.netMinor();
            return net > 0 ? "payout" : net < 0 ? "pay_in" : "none";
        }
    }

    private SettlementJson() {}

    static Map<String, Object> window(SettlementWindow w) {
        Map<String, Object> json = ObjectJson.ordered("id", w.id(), "object", "settlement_window");
        json.put("currency", w.currency());
        json.put("number", w.number());
        json.put("status", w.status().name().toLowerCase(Locale.ROOT));
        json.put("covers_after", w.coversAfter());
        json.put("covers_through", w.status() == WindowStatus.OPEN ? null : w.coversThrough());
        json.put("participants", w.positions().size());
        json.put("payouts", payouts(w));
        json.put("pay_ins", payIns(w));
        json.put("customers_net", w.customersMinor());
        json.put("house_net", w.houseMinor());
        json.put("settlement_transfers", w.transferIds().stream().map(Id128::toString).toList());
        json.put("opened", ObjectJson.seconds(w.openedAt()));
        json.put("closed", w.closedAt() == 0 ? null : ObjectJson.seconds(w.closedAt()));
        json.put("settled", w.settledAt() == 0 ? null : ObjectJson.seconds(w.settledAt()));
        return json;
    }

    static Map<String, Object> cap(NetDebitCap c) {
        Map<String, Object> json = ObjectJson.ordered("id", c.id(), "object", "net_debit_cap");
        json.put("participant", c.participantId());
        json.put("currency", c.currency());
        json.put("amount", c.amountMinor());
        json.put("updated", ObjectJson.seconds(c.updatedAt()));
        return json;
    }

    /**
     * The report's lines: every position of the window when {@code participantId} is null (the operator), else
     * that participant's alone; roles looked up with {@code participants}.
     */
    static List<Line> lines(SettlementWindow w, String participantId, Function<String, Participant> participants) {
        List<Line> lines = new ArrayList<>();
        int transfer = 0;
        for (NetPosition position : w.positions()) {
            String transferId = null;
            if (position.netMinor() != 0 && !w.transferIds().isEmpty()) transferId = w.transferIds().get(transfer++).toString();
            if (participantId != null && !participantId.equals(position.participantId())) continue;
            String role = participants.apply(position.participantId()).role().name().toLowerCase(Locale.ROOT);
            lines.add(new Line(position, role, transferId));
        }
        return lines;
    }

    /** The report as JSON; {@code totals} only for the operator, who sees every line. */
    static Map<String, Object> report(SettlementWindow w, List<Line> lines, boolean operator) {
        Map<String, Object> json = ObjectJson.ordered("object", "settlement_report", "settlement_window", w.id());
        json.put("currency", w.currency());
        json.put("status", w.status().name().toLowerCase(Locale.ROOT));
        json.put("closed", ObjectJson.seconds(w.closedAt()));
        json.put("settled", w.settledAt() == 0 ? null : ObjectJson.seconds(w.settledAt()));
        json.put("lines", lines.stream().map(line -> line(w, line)).toList());
        json.put("totals", operator ? ObjectJson.ordered("payouts", payouts(w), "pay_ins", payIns(w), "customers_net",
                w.customersMinor(), "house_net", w.houseMinor()) : null);
        return json;
    }

    private static Map<String, Object> line(SettlementWindow w, Line line) {
        NetPosition p = line.position();
        Map<String, Object> json = ObjectJson.ordered("participant", p.participantId(), "role", line.role());
        json.put("currency", w.currency());
        json.put("debits", p.debitsMinor());
        json.put("credits", p.creditsMinor());
        json.put("fees", p.feesMinor());
        json.put("refunds", p.refundsMinor());
        json.put("gross", p.grossMinor());
        json.put("net", p.netMinor());
        json.put("direction", line.direction());
        json.put("amount", Math.absExact(p.netMinor()));
        json.put("settlement_transfer", line.transferId());
        return json;
    }

    /** The report as CSV (RFC 4180, CRLF line ends): a header, then one row per line. No field needs quoting. */
    static String csv(SettlementWindow w, List<Line> lines) {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Line line : lines) {
            NetPosition p = line.position();
            csv.append(String.join(",", p.participantId(), line.role(), w.currency(), Long.toString(p.debitsMinor()),
                    Long.toString(p.creditsMinor()), Long.toString(p.feesMinor()), Long.toString(p.refundsMinor()),
                    Long.toString(p.netMinor()), line.direction(), Long.toString(Math.absExact(p.netMinor())),
                    line.transferId() == null ? "" : line.transferId())).append("\r\n");
        }
        return csv.toString();
    }

    private static long payouts(SettlementWindow w) {
        long sum = 0;
        for (NetPosition p : w.positions()) if (p.netMinor() > 0) sum = Math.addExact(sum, p.netMinor());
        return sum;
    }

    private static long payIns(SettlementWindow w) {
        long sum = 0;
        for (NetPosition p : w.positions()) if (p.netMinor() < 0) sum = Math.subtractExact(sum, p.netMinor());
        return sum;
    }
}
