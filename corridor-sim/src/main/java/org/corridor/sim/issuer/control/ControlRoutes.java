package org.corridor.sim.issuer.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.corridor.sim.issuer.FaultControl;
import org.corridor.sim.issuer.FaultRule;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;

/**
 * The routes of the control interface, checked in this order: the path (404), the method (405), the body
 * (413, then 400 naming the field), then the bank it names (404).
 *
 * <pre>
 * GET    /banks                          the directory: seed and every bank
 * GET    /banks/{id}                     one bank
 * POST   /banks/{id}/down                mark it down (requests answered "91")
 * POST   /banks/{id}/up                  mark it up again
 * POST   /banks/{id}/decline_per_mille   {"per_mille":N}: decline N in a thousand with "05"
 * GET    /banks/{id}/activity            its totals
 * GET    /banks/{id}/entries             every request it kept, oldest first (card numbers masked), for
 *                                        reconciliation
 * GET    /totals                         the totals across banks
 * GET    /faults                         the fault rules in force, in the order they are tried
 * POST   /faults                         {"fault","bank"?,"requests"} or {"fault","bank"?,"per_mille"}
 * DELETE /faults                         clear every rule
 * </pre>
 */
final class ControlRoutes implements HttpHandler {
    /** The most requests one counted fault rule may cover. */
    static final int FAULT_REQUESTS_MAX = 1_000_000;

    private static final Set<String> FAULT_FIELDS = Set.of("fault", "bank", "requests", "per_mille");
    private static final Set<String> DECLINE_FIELDS = Set.of("per_mille");

    private final IssuerSimulator simulator;

    ControlRoutes(IssuerSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                Reply reply = route(exchange);
                ControlExchange.send(exchange, reply.status, reply.body);
            } catch (ControlRefusal refusal) {
                if (refusal.status() == 405) exchange.getResponseHeaders().set("Allow", allowed(exchange));
                ControlExchange.send(exchange, refusal.status(), ControlJson.error(refusal.code(), refusal.getMessage()));
            }
        }
    }

    private record Reply(int status, Object body) {}

    private Reply route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        String[] parts = path.split("/", -1);
        if (path.equals("/banks")) {
            allow(method, "GET");
            return new Reply(200, ControlJson.directory(banks()));
        }
        if (path.equals("/totals")) {
            allow(method, "GET");
            return new Reply(200, ControlJson.allTotals(
                    banks().all().size(), simulator.activity().unrouted(), simulator.activity().totals()));
        }
        if (path.equals("/faults")) return faults(exchange, method);
        if (parts.length == 3 && parts[1].equals("banks")) {
            allow(method, "GET");
            SimulatedBank bank = bank(parts[2]);
            return new Reply(200, ControlJson.bank(bank, banks().isDown(bank.id())));
        }
        if (parts.length == 4 && parts[1].equals("banks")) return bankAction(exchange, method, parts[2], parts[3]);
        throw ControlRefusal.unknownRoute(path);
    }

    private Reply faults(HttpExchange exchange, String method) throws IOException {
        FaultControl faults = simulator.faults();
        return switch (method) {
            case "GET" -> new Reply(200, ControlJson.rules(faults.rules()));
            case "DELETE" -> new Reply(200, ControlJson.ordered("cleared", faults.clear()));
            case "POST" -> {
                FaultRule rule = faultRule(JsonBody.parse(ControlExchange.body(exchange), FAULT_FIELDS, false));
                if (!faults.tryAdd(rule)) throw ControlRefusal.tooManyRules(FaultControl.RULES_MAX);
                yield new Reply(201, ControlJson.rule(rule));
            }
            default -> throw ControlRefusal.methodNotAllowed(method, "GET, POST or DELETE");
        };
    }

    private FaultRule faultRule(JsonBody body) {
        String name = body.requiredString("fault");
        var fault = FaultNames.parse(name).orElseThrow(
                () -> ControlRefusal.invalid("fault", "must be one of " + FaultNames.choices()));
        if (body.has("requests") == body.has("per_mille")) {
            throw ControlRefusal.invalid("requests", "or per_mille is required, not both");
        }
        String bankId = body.optionalString("bank");
        FaultRule rule = body.has("requests")
                ? FaultRule.counted(fault, bankId, body.requiredInt("requests", 1, FAULT_REQUESTS_MAX))
                : FaultRule.ratio(fault, bankId, body.requiredInt("per_mille", 1, FaultControl.PER_MILLE_MAX));
        if (bankId != null && banks().byId(bankId).isEmpty()) throw ControlRefusal.unknownBank("bank", bankId);
        return rule;
    }

    private Reply bankAction(HttpExchange exchange, String method, String bankId, String action) throws IOException {
        if (!Set.of("down", "up", "decline_per_mille", "activity", "entries").contains(action)) {
            throw ControlRefusal.unknownRoute(exchange.getRequestURI().getRawPath());
        }
        if (action.equals("entries")) {
            allow(method, "GET");
            SimulatedBank bank = bank(bankId);
            return new Reply(200, ControlJson.entries(bank, simulator.activity().of(bank.id())));
        }
        if (action.equals("activity")) {
            allow(method, "GET");
            SimulatedBank bank = bank(bankId);
            return new Reply(200, ControlJson.bankTotals(bank, simulator.activity().totals(bank.id())));
        }
        allow(method, "POST");
        byte[] bytes = ControlExchange.body(exchange);
        if (action.equals("decline_per_mille")) {
            int perMille = JsonBody.parse(bytes, DECLINE_FIELDS, false)
                    .requiredInt("per_mille", 0, SimulatedBank.DECLINE_PER_MILLE_MAX);
            banks().setDeclinePerMille(bank(bankId).id(), perMille);
        } else {
            JsonBody.parse(bytes, Set.of(), true);
            banks().markDown(bank(bankId).id(), action.equals("down"));
        }
        SimulatedBank changed = bank(bankId);
        return new Reply(200, ControlJson.bank(changed, banks().isDown(changed.id())));
    }

    private SimulatedBanks banks() {
        return simulator.banks();
    }

    private SimulatedBank bank(String bankId) {
        return banks().byId(bankId).orElseThrow(() -> ControlRefusal.unknownBank("path", bankId));
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) throw ControlRefusal.methodNotAllowed(method, allowed);
    }

    /** The methods a known path takes, for the {@code Allow} header of a 405. */
    private static String allowed(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/faults")) return "GET, POST, DELETE";
        String[] parts = path.split("/", -1);
        boolean bankAction = parts.length == 4 && !parts[3].equals("activity");
        return bankAction ? "POST" : "GET";
    }
}
