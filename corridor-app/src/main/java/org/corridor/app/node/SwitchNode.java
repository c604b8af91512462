package org.corridor.app.node;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.corridor.api.ApiServer;
import org.corridor.api.auth.ApiKeyTokens;
import org.corridor.api.auth.Caller;
import org.corridor.api.auth.KeyAuthentication;
import org.corridor.api.auth.RateLimiter;
import org.corridor.api.v1.EventJson;
import org.corridor.api.v1.V1Routes;
import org.corridor.api.v1.V1Services;
import org.corridor.app.IssuerAddresses;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.participant.ApiKey;
import org.corridor.dashboard.Dashboard;
import org.corridor.dashboard.PaymentFeed;
import org.corridor.core.payment.CardPayments;
import org.corridor.core.settlement.SettlementWindows;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.state.IdSource;
import org.corridor.core.state.RecordKind;
import org.corridor.gateway.fx.HttpRateFeed;
import org.corridor.gateway.fx.PollSchedule;
import org.corridor.gateway.fx.RateFeedPoller;
import org.corridor.gateway.fx.RateFile;
import org.corridor.gateway.fx.RateSource;
import org.corridor.gateway.issuer.IssuerLink;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import org.corridor.gateway.issuer.IssuerLinks;
import org.corridor.gateway.routing.CardNetwork;
import org.corridor.gateway.webhook.RetrySchedule;
import org.corridor.gateway.webhook.WebhookSender;
import org.corridor.services.CommittedObjects;
import org.corridor.services.ReservationSweeper;
import org.corridor.services.SettlementScheduler;
import org.corridor.services.StoreLedgerReader;
import org.corridor.services.TimeOrderedIds;
import org.corridor.services.WebhookDispatcher;
import org.corridor.services.WriterCommands;
import org.corridor.services.card.CardRailsService;
import org.corridor.services.fx.LiveRates;
import org.corridor.services.metrics.NodeMetrics;
import org.corridor.services.card.CardResealer;
import org.corridor.services.card.IssuerDirectory;
import org.corridor.services.card.ReversalSender;
import org.corridor.services.qr.EmvQrPayloads;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import org.corridor.store.writer.LedgerWriter;
import org.corridor.vault.TokenNumbers;
import org.corridor.vault.TokenVault;
import org.corridor.vault.VaultFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Corridor: the store, the single writer, the committed objects, webhook dispatch, the HTTP API and
 * the operator's dashboard beside it, wired by hand in the order they depend on each other. {@link #close()} stops
 * them in reverse.
 */
public final class SwitchNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchNode.class);
    /** The longest pause between reads of a failing rate source. */
    private static final long RATE_BACKOFF_MS_MAX = 300_000;

    /**
     * How to start a node.
     *
     * @param storeUrl a JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…})
     * @param host the API's address
     * @param port the API's port; 0 for any free one
     * @param requestsPerSecondPerKey each API key's sustained rate limit
     * @param newOperatorKey issue a new operator key even if the operator exists (a lost key)
     * @param vaultDirectory where the vault's keyset files live; null keeps fresh keys in memory only (tests,
     *     benchmarks: sealed cards cannot be opened after a restart)
     * @param issuers the card networks (or issuer simulator) to send card requests to
     * @param issuerLink the timeouts of that link
     * @param rates where exchange rates come from, and the spread quotes take
     * @param settlementCloseEvery how often settlement windows are closed and settled; zero: on demand only
     */
    public record Settings(String storeUrl, String host, int port, int requestsPerSecondPerKey, boolean newOperatorKey,
            Path vaultDirectory, IssuerAddresses issuers, IssuerLinkSettings issuerLink, RateSources rates,
            Duration settlementCloseEvery) {

        /** A node without card rails or exchange rates, and with an in-memory vault. */
        public Settings(String storeUrl, String host, int port, int requestsPerSecondPerKey, boolean newOperatorKey) {
            this(storeUrl, host, port, requestsPerSecondPerKey, newOperatorKey, null, IssuerAddresses.none(),
                    IssuerLinkSettings.defaults(), RateSources.none(), Duration.ZERO);
        }

        /** With exchange rates from {@code sources}. */
        public Settings withRates(RateSources sources) {
            return new Settings(storeUrl, host, port, requestsPerSecondPerKey, newOperatorKey, vaultDirectory, issuers,
                    issuerLink, sources, settlementCloseEvery);
        }

        /** Settlement windows closed and settled every {@code every}; zero leaves them to the operator's requests. */
        public Settings withSettlementCloseEvery(Duration every) {
            return new Settings(storeUrl, host, port, requestsPerSecondPerKey, newOperatorKey, vaultDirectory, issuers,
                    issuerLink, rates, every);
        }

        /** With card rails: the vault's keys in {@code vault}, every network's requests going to {@code issuer}. */
        public Settings withCardRails(Path vault, InetSocketAddress issuer, IssuerLinkSettings link) {
            return withCardRails(vault, new IssuerAddresses(issuer, Map.of()), link);
        }

        public Settings withCardRails(Path vault, IssuerAddresses issuers, IssuerLinkSettings link) {
            return new Settings(storeUrl, host, port, requestsPerSecondPerKey, newOperatorKey, vault, issuers, link, rates,
                    settlementCloseEvery);
        }
    }

    private final LedgerStore store;
    private final LedgerWriter writer;
    private final WebhookDispatcher dispatcher;
    private final ReservationSweeper sweeper;
    private final SettlementScheduler settlement;
    private final IssuerLinks links;
    private final ReversalSender reversals;
    private final ApiServer api;
    private final String operatorKey;
    private final List<RateFeedPoller> ratePollers;

    private SwitchNode(LedgerStore store, LedgerWriter writer, WebhookDispatcher dispatcher, ReservationSweeper sweeper,
            SettlementScheduler settlement,
            IssuerLinks links, ReversalSender reversals, ApiServer api, String operatorKey,
            List<RateFeedPoller> ratePollers) {
        this.store = store;
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.sweeper = sweeper;
        this.settlement = settlement;
        this.links = links;
        this.reversals = reversals;
        this.api = api;
        this.operatorKey = operatorKey;
        this.ratePollers = ratePollers;
    }

    public static SwitchNode start(Settings settings, InstantSource clock) {
        SecureRandom random = new SecureRandom();
        // What has started so far, stopped in reverse if a later part cannot start.
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            LedgerStore store = Stores.open(settings.storeUrl());
            started.push(store);
            CommittedObjects objects = new CommittedObjects();
            WebhookDispatcher dispatcher = new WebhookDispatcher(objects, new EventJson(), new WebhookSender(clock),
                    new RetrySchedule(new SplittableRandom(random.nextLong())), clock);
            objects.onDelivery(dispatcher::deliveryCommitted);
            boolean newKeys = settings.vaultDirectory() == null
                    || !Files.exists(settings.vaultDirectory().resolve(VaultFiles.CIPHER_FILE));
            TokenVault vault = settings.vaultDirectory() == null ? VaultFiles.inMemory(random)
                    : VaultFiles.open(settings.vaultDirectory(), random);
            IssuerLinks links = issuerLinks(settings, clock);
            started.push(links);
            ReversalSender reversals = new ReversalSender(objects, vault, links, clock);
            objects.onAuthorization(reversals::authorizationCommitted);
            PaymentFeed payments = new PaymentFeed(clock);
            objects.onPaymentIntent(payments);
            IdSource ids = new TimeOrderedIds(clock, random);
            NodeMetrics metrics = new NodeMetrics();
            objects.onPaymentIntent(metrics);
            LedgerWriter writer = LedgerWriter.start(store, clock, metrics, ids, objects);
            started.push(writer);
            WriterCommands commands = new WriterCommands(writer);
            String operatorKey = bootstrapOperator(commands, objects, random, settings.newOperatorKey());
            dispatcher.start(commands);
            started.push(dispatcher);
            ReservationSweeper sweeper = new ReservationSweeper().start(commands);
            started.push(sweeper);
            int opened = commands.execute(SettlementWindows::openMissing);
            if (opened > 0) LOG.info("opened {} settlement windows", opened);
            LiveRates rates = new LiveRates(settings.rates().maxAge().toNanos(), settings.rates().spreadBasisPoints(),
                    clock);
            List<RateFeedPoller> pollers = new ArrayList<>();
            for (RateSource source : rateSources(settings.rates())) {
                RateFeedPoller poller = new RateFeedPoller(source instanceof RateFile ? "file" : "feed", source,
                        new PollSchedule(settings.rates().pollInterval().toMillis(), RATE_BACKOFF_MS_MAX),
                        rates::accept, failed -> { });
                started.push(poller);
                pollers.add(poller);
                // Read once before the API opens, so the first payments find rates; then poll in the background.
                poller.fetchThenStart();
            }
            SettlementScheduler settlement = new SettlementScheduler().start(commands,
                    settings.settlementCloseEvery().toMillis(), rates);
            started.push(settlement);
            int sealedCards = commands.execute(state -> state.all(RecordKind.CARD).size());
            if (newKeys && sealedCards > 0) {
                throw new IllegalStateException("the store holds " + sealedCards + " sealed cards but the vault had no keys"
                        + " (" + (settings.vaultDirectory() == null ? "none given" : settings.vaultDirectory())
                        + "); start with --vault-dir pointing at the keys that sealed them");
            }
            int unanswered = commands.execute(CardPayments::recoverUnanswered);
            if (unanswered > 0) LOG.warn("{} card authorizations were out at the last stop; reversing them", unanswered);
            reversals.start(commands);
            started.push(reversals);
            long resealed = new CardResealer(commands, vault).resealAll();
            if (resealed > 0) LOG.info("re-sealed {} vault ciphertexts under the current key", resealed);
            CardRailsService cards = new CardRailsService(commands, objects, vault, new TokenNumbers(random),
                    new IssuerDirectory(objects), links, ids, clock, rates);
            StoreLedgerReader ledger = new StoreLedgerReader(store);
            V1Services services = new V1Services(commands, objects, ledger, cards, new EmvQrPayloads(), ids, random,
                    rates);
            int rate = settings.requestsPerSecondPerKey();
            RateSources sources = settings.rates();
            NodeStatus status = new NodeStatus(writer, links, rates, sources.file() != null || sources.feed() != null,
                    metrics);
            metrics.gauge("corridor_reversals_pending", "Card reversals waiting for the issuer's acknowledgement",
                    reversals, ReversalSender::pendingCount);
            KeyAuthentication keys = new KeyAuthentication(objects, new RateLimiter(rate, rate));
            Dashboard dashboard = new Dashboard(new Dashboard.Sources(objects, ledger, rates,
                    token -> keys.callerOf(token).filter(Caller::isOperator).isPresent()), payments, clock, random);
            ApiServer api = new ApiServer(settings.host(), settings.port(), V1Routes.all(services), keys, status,
                    List.of(dashboard)).start();
            return new SwitchNode(store, writer, dispatcher, sweeper, settlement, links, reversals, api, operatorKey,
                    pollers);
        } catch (RuntimeException failed) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
            }
            throw failed;
        }
    }

    private static List<RateSource> rateSources(RateSources sources) {
        List<RateSource> list = new ArrayList<>();
        if (sources.file() != null) list.add(new RateFile(sources.file(), "file"));
        if (sources.feed() != null) list.add(new HttpRateFeed(sources.feed(), "feed"));
        return list;
    }

    private static IssuerLinks issuerLinks(Settings settings, InstantSource clock) {
        IssuerAddresses addresses = settings.issuers();
        IssuerLink shared = addresses.shared() == null ? null : startLink(addresses.shared(), settings, clock);
        Map<CardNetwork, IssuerLink> byNetwork = new EnumMap<>(CardNetwork.class);
        addresses.byNetwork().forEach((network, address) -> byNetwork.put(network, startLink(address, settings, clock)));
        return IssuerLinks.of(byNetwork, shared);
    }

    private static IssuerLink startLink(InetSocketAddress address, Settings settings, InstantSource clock) {
        IssuerLink link = new IssuerLink(address, settings.issuerLink(), clock,
                state -> LOG.info("issuer link to {} is {}", address, state));
        link.start();
        return link;
    }

    /** Sweeps expired reservations and due escrows now, as the minutely timer does (after a test moved its clock). */
    public void sweep() {
        sweeper.sweep();
    }

    /** The reversals still waiting for an issuer's acknowledgement. */
    public int reversalsPending() {
        return reversals.pendingCount();
    }

    /** Every card authorization of the committed state created from {@code fromNanos} on, for reconciliation. */
    public List<CardAuthorization> cardAuthorizations(long fromNanos) {
        return writer.execute(state -> state.all(RecordKind.CARD_AUTHORIZATION).stream()
                .map(CardAuthorization.class::cast).filter(a -> a.createdAt() >= fromNanos).toList()).join();
    }

    /** Answers Corridor's issuer links received twice and dropped, since the node started. */
    public long duplicateReplies() {
        return links.all().stream().mapToLong(link -> link.counters().duplicateReplies()).sum();
    }

    /** The links to the card networks. */
    public IssuerLinks issuerLinks() {
        return links;
    }

    /**
     * Creates the operator on first start, with an API key; on later starts issues a key only when asked.
     * Returns the new key's secret, or null when none was issued.
     */
    private static String bootstrapOperator(WriterCommands commands, CommittedObjects objects, SecureRandom random,
            boolean newKey) {
        boolean exists = objects.find(RecordKind.PARTICIPANT, ParticipantOperations.OPERATOR_ID, Participant.class)
                .isPresent();
        if (exists && !newKey) return null;
        ApiKeyTokens.Issued issued = ApiKeyTokens.issue(random);
        commands.execute(state -> {
            if (ParticipantOperations.operator(state).isEmpty()) {
                ParticipantOperations.createParticipant(state, new Participant(ParticipantOperations.OPERATOR_ID,
                        ParticipantRole.OPERATOR, "Operator", "US", "USD", 0, "", 0, Map.of(), List.of(), Map.of(), state.now()),
                        List.of());
            }
            return ParticipantOperations.createApiKey(state, new ApiKey(issued.keyId(),
                    ParticipantOperations.OPERATOR_ID, "operator (issued at start)", issued.hash(), issued.lastFour(),
                    state.now(), 0));
        });
        return issued.token();
    }

    /** The operator key issued by this start, if one was. */
    public Optional<String> operatorKey() {
        return Optional.ofNullable(operatorKey);
    }

    public ApiServer api() {
        return api;
    }

    public LedgerStore store() {
        return store;
    }

    /** Stops every part in reverse order of starting; a part that fails to stop does not keep the rest running. */
    @Override
    public void close() {
        RuntimeException first = null;
        List<AutoCloseable> parts = new ArrayList<>(List.of(api, reversals, settlement, sweeper, dispatcher, writer, links, store));
        parts.addAll(1, ratePollers);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception failed) {
                if (first == null) {
                    first = failed instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
                } else {
                    first.addSuppressed(failed);
                }
            }
        }
        if (first != null) throw first;
    }
}
