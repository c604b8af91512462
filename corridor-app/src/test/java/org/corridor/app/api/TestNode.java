package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.app.node.RateSources;
import org.corridor.gateway.fx.RateFile;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.corridor.app.node.SwitchNode;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import org.corridor.store.testing.TestDatabase;
import org.corridor.store.testing.TestStores;

/**
 * A real Corridor node for a test: a fresh SQLite file or PostgreSQL schema, the whole switch, and the API on a
 * random port, with helpers that onboard participants through the API as an operator would. Public for the
 * tests of {@code org.corridor.app.api.contract}, which drive it with HTTP clients of their own.
 */
public final class TestNode implements AutoCloseable {
    public static final int RATE_LIMIT_FOR_TESTS = 100_000;

    /** The mid rates every test node quotes from, as a rate file says them. */
    public static final List<String> RATES = List.of("USD,CNY,7.1234", "EUR,USD,1.0843", "USD,JPY,151.37",
            "GBP,USD,1.2650", "USD,BHD,0.376");

    private final TestDatabase database;
    private final Path rateFile;
    private final InstantSource clock;
    /** The card rails' settings (vault directory, issuer), or null for a node without them. */
    private final CardRailsSettings cardRails;
    private SwitchNode node;
    private Http http;
    /** The operator key the first start issued. */
    public final String operatorKey;

    /** Where a card-rails node keeps its vault keys and which issuer it talks to. */
    public record CardRailsSettings(Path vaultDirectory, InetSocketAddress issuer, IssuerLinkSettings link) {}

    private TestNode(TestDatabase database, int rateLimit, InstantSource clock, CardRailsSettings cardRails,
            Path rateFile) {
        this.database = database;
        this.rateFile = rateFile;
        this.clock = clock;
        this.cardRails = cardRails;
        start(rateLimit);
        this.operatorKey = node.operatorKey().orElseThrow();
    }

    public static TestNode start(String kind, Path directory) {
        return start(kind, directory, RATE_LIMIT_FOR_TESTS);
    }

    public static TestNode start(String kind, Path directory, int rateLimit) {
        return start(kind, directory, rateLimit, InstantSource.system());
    }

    /**
     * A node whose writer, webhook dispatch and signing read {@code clock} (for a test that lets time pass,
     * such as a reservation's expiry); {@code directory} is used by SQLite only.
     */
    public static TestNode start(String kind, Path directory, int rateLimit, InstantSource clock) {
        return start(kind, directory, rateLimit, clock, null);
    }

    /** A node with card rails: its vault under {@code directory}, its card requests going to {@code issuer}. */
    public static TestNode withCardRails(String kind, Path directory, InetSocketAddress issuer, IssuerLinkSettings link) {
        return withCardRails(kind, directory, issuer, link, InstantSource.system());
    }

    /** The same, reading {@code clock}. */
    public static TestNode withCardRails(String kind, Path directory, InetSocketAddress issuer, IssuerLinkSettings link,
            InstantSource clock) {
        return start(kind, directory, RATE_LIMIT_FOR_TESTS, clock,
                new CardRailsSettings(directory.resolve("vault"), issuer, link));
    }

    private static TestNode start(String kind, Path directory, int rateLimit, InstantSource clock,
            CardRailsSettings cardRails) {
        TestDatabase database = TestStores.database(kind, directory);
        try {
            return new TestNode(database, rateLimit, clock, cardRails, writeRates(directory, clock));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void start(int rateLimit) {
        SwitchNode.Settings settings = new SwitchNode.Settings(database.url(), "127.0.0.1", 0, rateLimit, false);
        if (cardRails != null) {
            settings = settings.withCardRails(cardRails.vaultDirectory(), cardRails.issuer(), cardRails.link());
        }
        node = SwitchNode.start(settings.withRates(RateSources.ofFile(rateFile)), clock);
        http = new Http(node.api().port());
    }

    /** {@link #RATES} as of the clock's now, in a rate file under {@code directory}. */
    private static Path writeRates(Path directory, InstantSource clock) {
        StringBuilder csv = new StringBuilder(RateFile.HEADER).append('\n');
        for (String rate : RATES) csv.append(rate).append(',').append(clock.instant()).append('\n');
        try {
            Path folder = directory != null ? Files.createDirectories(directory) : Files.createTempDirectory("corridor-rates");
            return Files.writeString(folder.resolve("rates.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the node and starts it again on the same database: what survives is what was durable. */
    void restart() {
        node.close();
        start(RATE_LIMIT_FOR_TESTS);
    }

    /** Stops the node (a test may then change the world) and starts it again on the same database. */
    void restart(Runnable whileStopped) {
        node.close();
        whileStopped.run();
        start(RATE_LIMIT_FOR_TESTS);
    }

    Http http() {
        return http;
    }

    public SwitchNode node() {
        return node;
    }

    public String kind() {
        return database.kind();
    }

    /** The JDBC URL of the node's store. */
    public String storeUrl() {
        return database.url();
    }

    /** A participant and an API key of its own. */
    record Party(String id, String key) {}

    Party merchant(int feeBasisPoints, String... currencies) {
        return participant(Map.of("role", "merchant", "name", "Shop", "country", "US", "settlement_currency",
                currencies[0], "currencies", List.of(currencies), "merchant_category_code", "5411",
                "fee_basis_points", feeBasisPoints));
    }

    Party walletProvider(String... currencies) {
        return participant(Map.of("role", "wallet_provider", "name", "Wallet", "country", "CN",
                "settlement_currency", currencies[0], "currencies", List.of(currencies)));
    }

    Party participant(Map<String, Object> body) {
        Http.Reply created = http.post(operatorKey, "/v1/participants", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.text("id");
        Http.Reply key = http.post(operatorKey, "/v1/participants/" + id + "/api_keys", Map.of("name", "test"));
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        return new Party(id, key.text("secret"));
    }

    /** A customer of {@code provider} holding {@code amount} of {@code currency}. */
    String customer(Party provider, String currency, long amount) {
        Http.Reply customer = http.post(provider.key(), "/v1/customers", Map.of("currencies", List.of(currency)));
        assertThat(customer.status()).as(customer.body()).isEqualTo(200);
        String id = customer.text("id");
        if (amount > 0) {
            Http.Reply topUp = http.post(provider.key(), "/v1/customers/" + id + "/top_ups",
                    Map.of("amount", amount, "currency", currency));
            assertThat(topUp.status()).as(topUp.body()).isEqualTo(200);
        }
        return id;
    }

    /** The posted balance of one currency in a balances list (a participant's or a customer's). */
    static long posted(Http.Reply withBalances, String currency) {
        for (var balance : withBalances.json().get("balances")) {
            if (balance.get("currency").asString().equals(currency)) return balance.get("posted").asLong();
        }
        throw new AssertionError("no " + currency + " balance in " + withBalances.body());
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            database.close();
        }
    }
}
