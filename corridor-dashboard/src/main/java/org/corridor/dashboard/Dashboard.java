package org.corridor.dashboard;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Predicate;
import org.corridor.api.PageGroup;
import org.corridor.api.Pages;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.port.FxRates;
import org.corridor.core.port.LedgerReader;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.state.RecordKind;

/**
 * The operator's dashboard, under {@link #ROOT}: every page but the sign-in form and the static files needs the
 * operator's session ({@link SignIn}). It reads committed objects, the ledger and the rates; it never writes.
 *
 * <pre>{@code
 * new ApiServer(host, port, V1Routes.all(services), policy, List.of(new Dashboard(sources, feed, clock, random)))
 * }</pre>
 */
public final class Dashboard implements PageGroup {
    public static final String ROOT = "/dashboard";
    /** Payments per page of the payments list. */
    static final int PAYMENTS_PER_PAGE = 50;

    /**
     * What the dashboard reads.
     *
     * @param objects the committed objects
     * @param ledger committed balances and transfers
     * @param rates the exchange rates the switch quotes from
     * @param operatorKey whether an API key secret is an active key of the operator's
     */
    public record Sources(ObjectReader objects, LedgerReader ledger, FxRates rates, Predicate<String> operatorKey) {}

    private final Sources sources;
    private final PaymentFeed feed;
    private final InstantSource clock;
    private final Templates templates = new Templates();
    private final SignIn signIn;
    private final Stories stories;
    private final QrPages qrCodes;

    public Dashboard(Sources sources, PaymentFeed feed, InstantSource clock, SecureRandom random) {
        this.sources = sources;
        this.feed = feed;
        this.clock = clock;
        this.signIn = new SignIn(new Sessions(random), sources.operatorKey(), clock, templates);
        this.stories = new Stories(sources.objects(), sources.ledger());
        this.qrCodes = new QrPages(sources.objects(), templates);
    }

    @Override
    public void addTo(Pages pages) {
        pages.get(ROOT + "/static/htmx.min.js", StaticFiles.read(StaticFiles.HTMX, "text/javascript"))
                .get(ROOT + "/static/dashboard.css", StaticFiles.read(StaticFiles.STYLE, "text/css"))
                .get(ROOT + "/login", signIn::form)
                .post(ROOT + "/login", signIn::submit)
                .post(ROOT + "/logout", signIn::signOut)
                .get(ROOT, signIn.guard(this::overview))
                .get(ROOT + "/chart", signIn.guard(this::chart))
                .get(ROOT + "/payments", signIn.guard(this::payments))
                .get(ROOT + "/payments/{id}", signIn.guard(this::payment))
                .get(ROOT + "/participants", signIn.guard(this::participants))
                .get(ROOT + "/fx", signIn.guard(this::fx))
                .get(ROOT + "/qr_codes", signIn.guard(qrCodes::list))
                .get(ROOT + "/qr_codes/{id}/image.png", signIn.guard(qrCodes::png))
                .get(ROOT + "/qr_codes/{id}/image.svg", signIn.guard(qrCodes::svg))
                .get(ROOT + "/settlement", signIn.guard(this::settlement));
    }

    private void overview(Context ctx) {
        Directory directory = Directory.read(sources.objects());
        templates.page(ctx, "overview.jte", "overview", new OverviewView(chartNow(), feed.size(),
                directory.all().size(), directory.merchants().size()));
    }

    /** The chart alone: what htmx fetches every two seconds to replace the one on the page. */
    private void chart(Context ctx) {
        templates.html(ctx, "chart.jte", Map.of("chart", chartNow()));
    }

    private ChartView chartNow() {
        return ChartView.of(feed.window(), clock.millis());
    }

    private void payments(Context ctx) {
        PaymentFilters filters = PaymentFilters.of(ctx);
        String cursor = ctx.queryParam("starting_after");
        PaymentIntent after = cursor == null || cursor.isBlank() ? null
                : sources.objects().find(RecordKind.PAYMENT_INTENT, cursor.strip(), PaymentIntent.class)
                        .orElseThrow(() -> new NotFoundResponse("no such payment to page after"));
        PaymentFeed.Page page = feed.page(PAYMENTS_PER_PAGE, after, filters.test());
        templates.page(ctx, "payments.jte", "payments",
                new PaymentsView(filters, page, Directory.read(sources.objects())));
    }

    private void payment(Context ctx) {
        PaymentStory story = stories.of(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("no such payment"));
        templates.page(ctx, "payment.jte", "payments", story);
    }

    private void participants(Context ctx) {
        templates.page(ctx, "participants.jte", "participants",
                ParticipantsView.read(sources.objects(), sources.ledger(), ctx.queryParam("starting_after")));
    }

    private void fx(Context ctx) {
        templates.page(ctx, "fx.jte", "fx", FxView.read(sources.rates(), sources.objects(), sources.ledger(),
                Directory.read(sources.objects())));
    }

    private void settlement(Context ctx) {
        templates.page(ctx, "settlement.jte", "settlement", SettlementView.read(sources.objects(),
                Directory.read(sources.objects())));
    }
}
