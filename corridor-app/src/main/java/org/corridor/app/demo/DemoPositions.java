package org.corridor.app.demo;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Net positions per participant role and currency, read through the API as the operator would: every participant of
 * a role, its posted balance per currency, summed. Positive is what the switch owes the role, negative what the role
 * owes (the sign of {@code GET /v1/participants/{id}}'s balances).
 */
final class DemoPositions {
    /** The roles, in the order the summary lists them. */
    static final List<String> ROLES = List.of("operator", "issuer", "wallet_provider", "merchant", "marketplace",
            "fx_provider");
    /** The row of the shoppers' balances: what the participants' positions leave, since every ledger sums to zero. */
    static final String SHOPPERS = "shoppers (rest)";
    /** Participants read per page. */
    static final int PER_PAGE = 100;
    /** The most pages read per role. */
    static final int PAGES_MAX = 100;

    private DemoPositions() {}

    /** Role, then currency, then the net posted balance in minor units. */
    static Map<String, Map<String, Long>> read(DemoApi api, String operatorKey) throws IOException {
        Map<String, Map<String, Long>> positions = new LinkedHashMap<>();
        for (String role : ROLES) {
            Map<String, Long> byCurrency = new TreeMap<>();
            if (role.equals("operator")) {
                // The operator is not listed among the participants; it reads its own account.
                add(byCurrency, api.read("reading the operator's account", operatorKey, "/v1/account"));
                byCurrency.values().removeIf(amount -> amount == 0);
                positions.put(role, byCurrency);
                continue;
            }
            String after = null;
            for (int page = 0; page < PAGES_MAX; page++) {
                JsonNode list = api.read("listing " + role + " participants", operatorKey, "/v1/participants?role="
                        + role + "&limit=" + PER_PAGE + (after == null ? "" : "&starting_after=" + after));
                for (JsonNode participant : list.path("data")) {
                    after = participant.path("id").asString();
                    add(byCurrency, api.read("reading a participant", operatorKey, "/v1/participants/" + after));
                }
                if (!list.path("has_more").asBoolean(false)) break;
            }
            byCurrency.values().removeIf(amount -> amount == 0);
            if (!byCurrency.isEmpty()) positions.put(role, byCurrency);
        }
        positions.values().removeIf(Map::isEmpty);
        Map<String, Long> rest = new TreeMap<>();
        positions.values().forEach(byCurrency -> byCurrency.forEach((currency, amount) -> rest.merge(currency, -amount,
                Long::sum)));
        rest.values().removeIf(amount -> amount == 0);
        if (!rest.isEmpty()) positions.put(SHOPPERS, rest);
        return positions;
    }

    private static void add(Map<String, Long> byCurrency, JsonNode participant) {
        for (JsonNode balance : participant.path("balances")) {
            byCurrency.merge(balance.path("currency").asString(), balance.path("posted").asLong(), Long::sum);
        }
    }
}
