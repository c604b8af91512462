package org.corridor.api.v1;

import static org.corridor.api.Access.OPERATOR;
import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.api.error.ErrorType;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.port.Page;
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.settlement.SettlementWindows;
import org.corridor.core.settlement.WindowStatus;
import org.corridor.core.state.RecordKind;

/**
 * Clearing and settlement: the operator opens, closes and settles settlement windows and sets net debit caps; every
 * participant reads its own line of a closed window's report (the operator reads all of them), as JSON or CSV.
 */
final class SettlementRoutes implements RouteGroup {
    record OpenWindow(String currency) {}

    record SetCap(String currency, Long amount) {}

    /** The largest cap: the largest amount the API takes. */
    static final long CAP_MINOR_MAX = Params.AMOUNT_MINOR_MAX;

    private final V1Services services;
    private final IdempotentPosts posts;

    SettlementRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/settlement_windows", OPERATOR, this::open);
        routes.get("/settlement_windows", OPERATOR, this::list);
        routes.get("/settlement_windows/{id}", OPERATOR, this::retrieve);
        routes.post("/settlement_windows/{id}/close", OPERATOR, this::close);
        routes.post("/settlement_windows/{id}/settle", OPERATOR, this::settle);
        routes.get("/settlement_windows/{id}/report", PARTICIPANT, this::report);
        routes.get("/settlement_windows/{id}/report.csv", PARTICIPANT, this::reportCsv);
        routes.post("/participants/{id}/net_debit_caps", OPERATOR, this::setCap);
    }

    private void open(Context ctx) {
        posts.run(ctx, () -> {
            String currency = Params.currency(Bodies.required(ctx, OpenWindow.class).currency(), "currency");
            return state -> Replies.ok(RecordKind.SETTLEMENT_WINDOW, SettlementWindows.open(state, currency));
        });
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of("currency", "status"));
        String currency = ctx.queryParam("currency") == null ? null : Params.currency(ctx.queryParam("currency"), "currency");
        WindowStatus status = ctx.queryParam("status") == null ? null : status(ctx.queryParam("status"));
        Page<SettlementWindow> found = services.objects().list(RecordKind.SETTLEMENT_WINDOW,
                ParticipantOperations.OPERATOR_ID, SettlementWindow.class, page.limit(), page.startingAfter(),
                w -> (currency == null || w.currency().equals(currency)) && (status == null || w.status() == status));
        ctx.json(ObjectJson.list("/v1/settlement_windows", found.data().stream().map(SettlementJson::window).toList(),
                found.hasMore()));
    }

    private void retrieve(Context ctx) {
        ctx.json(SettlementJson.window(window(Params.pathId(ctx, "id"))));
    }

    private void close(Context ctx) {
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> state -> {
            var outcome = SettlementWindows.close(state, id, services.rates());
            return switch (outcome.result()) {
                case OK -> Replies.ok(RecordKind.SETTLEMENT_WINDOW, outcome.value());
                case WINDOW_NOT_FOUND -> Replies.notFound("settlement_window", id, "id");
                case WINDOW_NOT_OPEN -> Replies.conflict("window_not_open", "The settlement window is already "
                        + statusName(outcome.value().status()) + ".");
            };
        });
    }

    private void settle(Context ctx) {
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> state -> {
            var outcome = SettlementWindows.settle(state, id);
            return switch (outcome.result()) {
                case OK -> Replies.ok(RecordKind.SETTLEMENT_WINDOW, outcome.value());
                case WINDOW_NOT_FOUND -> Replies.notFound("settlement_window", id, "id");
                case WINDOW_ALREADY_SETTLED -> Replies.conflict("window_already_settled",
                        "The settlement window was settled already; it never settles twice.");
                case WINDOW_NOT_CLOSED -> Replies.conflict("window_not_closed",
                        "The settlement window is still open; close it first.");
            };
        });
    }

    private void report(Context ctx) {
        SettlementWindow window = reported(ctx);
        boolean operator = isOperator(ctx);
        ctx.json(SettlementJson.report(window, lines(ctx, window, operator), operator));
    }

    private void reportCsv(Context ctx) {
        SettlementWindow window = reported(ctx);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + window.id() + ".csv\"")
                .result(SettlementJson.csv(window, lines(ctx, window, isOperator(ctx))));
    }

    private void setCap(Context ctx) {
        String participantId = Params.pathId(ctx, "id");
        posts.run(ctx, () -> {
            SetCap request = Bodies.required(ctx, SetCap.class);
            String currency = Params.currency(request.currency(), "currency");
            if (request.amount() == null) throw Params.missing("amount");
            if (request.amount() < 0 || request.amount() > CAP_MINOR_MAX) {
                throw ApiException.badRequest("amount_invalid", "amount must be an integer number of minor units from 0 to "
                        + CAP_MINOR_MAX + ".", "amount");
            }
            long amount = request.amount();
            return state -> {
                var outcome = NetDebitCaps.set(state, participantId, currency, amount);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.NET_DEBIT_CAP, outcome.value());
                    case PARTICIPANT_NOT_FOUND -> Replies.notFound("participant", participantId, "id");
                    case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                            "The participant holds no account in " + currency + ".", "currency");
                };
            };
        });
    }

    /**
     * The window whose report the caller may read. The operator reads any closed or settled window's (an open one
     * has no positions yet: 409 {@code window_not_closed}); another participant only one it has a position in,
     * and any other window is not found for it, exactly as a missing one, so that nothing shows which exist.
     */
    private SettlementWindow reported(Context ctx) {
        String id = Params.pathId(ctx, "id");
        SettlementWindow window = window(id);
        if (!isOperator(ctx)) {
            if (window.positionOf(Caller.of(ctx).participantId()).isEmpty()) throw Params.notFound("settlement_window", id);
            return window;
        }
        if (window.status() == WindowStatus.OPEN) {
            throw ApiException.conflict(ErrorType.INVALID_REQUEST_ERROR, "window_not_closed",
                    "The settlement window is still open: it has no report yet.");
        }
        return window;
    }

    private List<SettlementJson.Line> lines(Context ctx, SettlementWindow window, boolean operator) {
        return SettlementJson.lines(window, operator ? null : Caller.of(ctx).participantId(),
                id -> services.objects().find(RecordKind.PARTICIPANT, id, Participant.class).orElseThrow());
    }

    private SettlementWindow window(String id) {
        return services.objects().find(RecordKind.SETTLEMENT_WINDOW, id, SettlementWindow.class)
                .orElseThrow(() -> Params.notFound("settlement_window", id));
    }

    private static boolean isOperator(Context ctx) {
        return Caller.of(ctx).participantId().equals(ParticipantOperations.OPERATOR_ID);
    }

    private static WindowStatus status(String given) {
        for (WindowStatus status : WindowStatus.values()) {
            if (statusName(status).equals(given)) return status;
        }
        throw ApiException.badRequest("parameter_invalid", "status must be one of open, closed, settled.", "status");
    }

    private static String statusName(WindowStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
