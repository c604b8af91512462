package org.corridor.sim.issuer.control;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridor.sim.issuer.ActivityAmounts;
import org.corridor.sim.issuer.ActivityKind;
import org.corridor.sim.issuer.ActivityEntry;
import org.corridor.sim.issuer.ActivityTotals;
import org.corridor.sim.issuer.FaultRule;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the control interface answers with, built as ordered maps so that field order is stable and
 * readable. Field names are snake_case; amounts are integers of minor units, named {@code ..._minor}. Nothing
 * here takes a card number: totals come from {@link ActivityTotals}, which holds none.
 */
final class ControlJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ControlJson() {}

    static byte[] bytes(Object body) {
        return JSON.writeValueAsBytes(body);
    }

    static Map<String, Object> error(String code, String message) {
        return Map.of("error", ordered("code", code, "message", message));
    }

    /** The bank directory: the seed to regenerate card numbers from, and every bank as it stands. */
    static Map<String, Object> directory(SimulatedBanks banks) {
        List<Object> all = new ArrayList<>();
        for (SimulatedBank bank : banks.all()) all.add(bank(bank, banks.isDown(bank.id())));
        return ordered("seed", banks.seed(), "banks", all);
    }

    static Map<String, Object> bank(SimulatedBank bank, boolean down) {
        return ordered(
                "id", bank.id(),
                "name", bank.name(),
                "network", bank.network().name(),
                "currency", bank.currency().getCurrencyCode(),
                "bins", bank.bins(),
                "transaction_limit_minor", bank.transactionLimitMinor(),
                "decline_per_mille", bank.declinePerMille(),
                "down", down);
    }

    static Map<String, Object> rules(List<FaultRule> rules) {
        List<Object> all = new ArrayList<>(rules.size());
        for (FaultRule rule : rules) all.add(rule(rule));
        return ordered("faults", all);
    }

    /** One rule: {@code requests_remaining} for a counted rule, {@code per_mille} for a ratio. */
    static Map<String, Object> rule(FaultRule rule) {
        return rule.counted()
                ? ordered("fault", FaultNames.of(rule.fault()), "bank", rule.bankId(),
                        "requests_remaining", rule.requestsRemaining())
                : ordered("fault", FaultNames.of(rule.fault()), "bank", rule.bankId(), "per_mille", rule.perMille());
    }

    /** One bank's totals; its billing currency is always listed, with zeros before any approval. */
    /** A bank's kept requests: what a network's clearing file would say, card numbers masked. */
    static Map<String, Object> entries(SimulatedBank bank, List<ActivityEntry> entries) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bank", bank.id());
        json.put("entries", entries.stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            entry.put("masked_pan", e.maskedPan());
            entry.put("retrieval_reference", e.retrievalReference());
            entry.put("stan", e.stan());
            entry.put("terminal_id", e.terminalId());
            entry.put("amount", e.amountMinor());
            entry.put("currency", e.currency() == null ? null : e.currency().getCurrencyCode());
            entry.put("response_code", e.responseCode());
            entry.put("at_nanos", e.atNanos());
            return entry;
        }).toList());
        return json;
    }

    static Map<String, Object> bankTotals(SimulatedBank bank, ActivityTotals totals) {
        Map<String, Object> amounts = amounts(totals);
        amounts.putIfAbsent(bank.currency().getCurrencyCode(), amounts(ActivityAmounts.NONE));
        Map<String, Object> body = ordered("bank", bank.id(), "currency", bank.currency().getCurrencyCode());
        body.putAll(counts(totals));
        body.put("amounts", amounts);
        return body;
    }

    /** The totals across banks, with the requests no bank issued the card of. */
    static Map<String, Object> allTotals(int bankCount, long unrouted, ActivityTotals totals) {
        Map<String, Object> body = ordered("banks", bankCount, "unrouted", unrouted);
        body.putAll(counts(totals));
        body.put("amounts", amounts(totals));
        return body;
    }

    private static Map<String, Object> counts(ActivityTotals totals) {
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (ActivityKind kind : ActivityKind.values()) byKind.put(kind.name().toLowerCase(Locale.ROOT), totals.count(kind));
        return ordered("requests", totals.requests(), "by_kind", byKind,
                "by_response_code", new LinkedHashMap<>(totals.countsByResponseCode()));
    }

    private static Map<String, Object> amounts(ActivityTotals totals) {
        Map<String, Object> byCurrency = new LinkedHashMap<>();
        for (Map.Entry<Currency, ActivityAmounts> entry : totals.amountsByCurrency().entrySet()) {
            byCurrency.put(entry.getKey().getCurrencyCode(), amounts(entry.getValue()));
        }
        return byCurrency;
    }

    private static Map<String, Object> amounts(ActivityAmounts amounts) {
        return ordered("held_minor", amounts.heldMinor(), "debited_minor", amounts.debitedMinor(),
                "approved_minor", amounts.approvedMinor(), "reversed_minor", amounts.reversedMinor());
    }

    /** A map of alternating names and values, in that order; values may be {@code null}. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }
}
