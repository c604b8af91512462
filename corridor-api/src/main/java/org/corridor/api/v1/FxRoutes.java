package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxQuotes;
import org.corridor.core.fx.FixedSide;
import org.corridor.core.fx.QuoteRequest;
import org.corridor.core.fx.QuoteRules;
import org.corridor.core.fx.Rate;
import org.corridor.core.participant.Participant;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;

/**
 * Foreign exchange: the current rates, and quotes a wallet provider takes for its shopper (a locked customer rate,
 * the spread included, and the amounts, usable by one payment until it expires).
 */
final class FxRoutes implements RouteGroup {
    /** A quote lives this long unless asked otherwise. */
    static final int LIFETIME_SECONDS_DEFAULT = 60;

    record CreateQuote(String sellCurrency, String buyCurrency, Long sellAmount, Long buyAmount,
            Integer lifetimeSeconds) {}

    private final V1Services services;
    private final IdempotentPosts posts;
    private final MarketRates market;

    FxRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
        this.market = new MarketRates(services);
    }

    @Override
    public void addTo(Routes routes) {
        routes.get("/fx_rates", PARTICIPANT, this::rates);
        routes.post("/fx_quotes", PARTICIPANT, this::create);
        routes.get("/fx_quotes", PARTICIPANT, this::list);
        routes.get("/fx_quotes/{id}", PARTICIPANT, this::retrieve);
    }

    private void rates(Context ctx) {
        ctx.json(ObjectJson.list("/v1/fx_rates", services.rates().published().stream().map(ObjectJson::rate).toList(),
                false));
    }

    private void create(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = services.newId("fxq_");
        posts.run(ctx, () -> {
            // The role first, so that only wallet providers learn which pairs have rates.
            if (services.objects().find(RecordKind.PARTICIPANT, owner, Participant.class)
                    .filter(p -> p.role().holdsCustomers()).isEmpty()) {
                throw ApiException.forbidden("role_not_allowed", "Only wallet providers take quotes, for their shoppers.");
            }
            CreateQuote request = Bodies.required(ctx, CreateQuote.class);
            String sell = Params.currency(request.sellCurrency(), "sell_currency");
            String buy = Params.currency(request.buyCurrency(), "buy_currency");
            if ((request.sellAmount() == null) == (request.buyAmount() == null)) {
                throw ApiException.badRequest("parameter_invalid", "Give exactly one of sell_amount and buy_amount.",
                        "buy_amount");
            }
            FixedSide side = request.sellAmount() != null ? FixedSide.SELL : FixedSide.BUY;
            long amount = side == FixedSide.SELL ? Params.amount(request.sellAmount(), "sell_amount", true)
                    : Params.amount(request.buyAmount(), "buy_amount", true);
            long lifetimeSeconds = lifetimeSeconds(request.lifetimeSeconds());
            Rate mid = market.rate(sell, buy).rate();
            long usd = market.usdValue(side == FixedSide.SELL ? sell : buy, amount);
            QuoteRequest quote = new QuoteRequest(id, sell, buy, side, amount, services.rates().spreadBasisPoints(),
                    lifetimeSeconds * 1_000_000_000L);
            return state -> {
                var made = FxQuotes.create(state, owner, quote, mid, usd);
                return switch (made.result()) {
                    case OK -> Replies.ok(RecordKind.FX_QUOTE, made.value());
                    case NOT_A_WALLET_PROVIDER -> Reply.error(new StoredError(403, "invalid_request_error",
                            "role_not_allowed", "Only wallet providers take quotes, for their shoppers.", ""));
                    case NO_LIQUIDITY_PROVIDER -> Reply.error(new StoredError(422, "invalid_request_error",
                            "fx_liquidity_unavailable", "No FX liquidity provider holds both " + sell + " and " + buy
                                    + ".", "buy_currency"));
                    case RATE_OUT_OF_RANGE, AMOUNT_TOO_LARGE -> Replies.invalid("amount_too_large",
                            "The converted amount is out of range.", side == FixedSide.SELL ? "sell_amount" : "buy_amount");
                    case AMOUNT_TOO_SMALL -> Replies.invalid("amount_too_small",
                            "The amount converts to less than one minor unit.",
                            side == FixedSide.SELL ? "sell_amount" : "buy_amount");
                };
            };
        });
    }

    private static long lifetimeSeconds(Integer given) {
        if (given == null) return LIFETIME_SECONDS_DEFAULT;
        long max = QuoteRules.LIFETIME_NANOS_MAX / 1_000_000_000L;
        if (given < 1 || given > max) {
            throw ApiException.badRequest("parameter_invalid", "lifetime_seconds must be 1 to " + max + ".",
                    "lifetime_seconds");
        }
        return given;
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<FxQuote> found = services.objects().list(RecordKind.FX_QUOTE, Caller.of(ctx).participantId(),
                FxQuote.class, page.limit(), page.startingAfter(), q -> true);
        ctx.json(ObjectJson.list("/v1/fx_quotes", found.data().stream().map(ObjectJson::fxQuote).toList(),
                found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String id = Params.pathId(ctx, "id");
        FxQuote quote = services.objects().find(RecordKind.FX_QUOTE, id, FxQuote.class)
                .filter(q -> q.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("fx_quote", id));
        ctx.json(ObjectJson.fxQuote(quote));
    }
}
