package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.corridor.vault.cryptogram.TokenKey;

/**
 * A card world for a test: the issuer simulator (250 banks) on a random port, a Corridor node whose card requests
 * go to it over ISO 8583, every simulated bank onboarded as an issuer with its BINs, a wallet provider, merchants
 * per currency on demand, and phones holding device tokens. Everything talks over real TCP and HTTP.
 */
final class CardWorld implements AutoCloseable {
    /** Short response timeout so that an unanswered request is reversed within a test's patience. */
    static final IssuerLinkSettings LINK = new IssuerLinkSettings(2_000, 800, 60_000, 10_000, 50, 1_000, 1_024);
    static final long SEED = 7;
    static final int EXPIRY_YEAR = 2031;

    final IssuerSimulator simulator;
    final TestNode node;
    final TestNode.Party wallet;
    private final Map<String, String> issuerOfBank = new HashMap<>();
    private final Map<String, TestNode.Party> merchants = new HashMap<>();
    private final AtomicInteger phones = new AtomicInteger();

    /** A token on a phone, with the card number behind it (the simulator's test card). */
    record Provisioned(String tokenId, String cardNumber, SimulatedBank bank, DeviceWallet phone, Http.Reply enrolment) {}

    private CardWorld(IssuerSimulator simulator, TestNode node) {
        this.simulator = simulator;
        this.node = node;
        for (SimulatedBank bank : simulator.banks().all()) {
            TestNode.Party issuer = node.participant(Map.of("role", "issuer", "name", bank.name(), "country", "US",
                    "settlement_currency", bank.currency().getCurrencyCode(),
                    "currencies", List.of(bank.currency().getCurrencyCode()), "bin_prefixes", bank.bins()));
            issuerOfBank.put(bank.id(), issuer.id());
        }
        this.wallet = node.walletProvider("USD");
    }

    static CardWorld start(String kind, Path directory) {
        IssuerSimulator simulator;
        try {
            simulator = IssuerSimulator.start(IssuerSimulatorSettings.forTests(SEED), InstantSource.system());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new CardWorld(simulator, TestNode.withCardRails(kind, directory, simulator.address(), LINK));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    Http http() {
        return node.http();
    }

    String issuerOf(SimulatedBank bank) {
        return issuerOfBank.get(bank.id());
    }

    /** The first bank (in generation order) whose currency is {@code currency}. */
    SimulatedBank bankIn(String currency) {
        return simulator.banks().all().stream().filter(b -> b.currency().getCurrencyCode().equals(currency))
                .findFirst().orElseThrow();
    }

    /**
     * The first bank in {@code currency}, with its random "05 do not honour" rule (for load runs) turned off, so that a
     * test decides each decline itself.
     */
    SimulatedBank bankWithoutRandomDeclinesIn(String currency) {
        SimulatedBank bank = bankIn(currency);
        simulator.banks().setDeclinePerMille(bank.id(), 0);
        return bank;
    }

    /** A merchant paid in {@code currency} (2 % fee), the same one for every call. */
    TestNode.Party merchant(String currency) {
        return merchants.computeIfAbsent(currency, c -> node.merchant(200, c));
    }

    DeviceWallet newPhone() {
        return DeviceWallet.of("phone-" + phones.incrementAndGet(), UnpredictableNumbers.seeded(phones.get()));
    }

    /** The enrolment request for a card of the simulator. */
    Http.Reply requestEnrolment(String cardNumber, int expiryYear, String deviceId, TokenDomain domain) {
        return http().post(wallet.key(), "/v1/tokens", Map.of("card", Map.of("number", cardNumber, "exp_month", 12,
                "exp_year", expiryYear, "cardholder_name", "Ada Lovelace"), "device_id", deviceId,
                "domain", domain.wireName()));
    }

    /** Enrols card {@code index} of {@code bank} (opening its account with {@code balance}) on {@code phone}. */
    Provisioned enrol(SimulatedBank bank, int index, long balance, DeviceWallet phone, TokenDomain domain) {
        String number = simulator.banks().cardNumber(bank, index);
        simulator.banks().openAccount(number, balance);
        return enrolCard(number, bank, phone, domain);
    }

    Provisioned enrolCard(String number, SimulatedBank bank, DeviceWallet phone, TokenDomain domain) {
        Http.Reply enrolled = requestEnrolment(number, EXPIRY_YEAR, phone.deviceId(), domain);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
        phone.provision(enrolled.text("id"), enrolled.text("dpan"), domain, TokenKey.fromHex(enrolled.text("token_key")));
        return new Provisioned(enrolled.text("id"), number, bank, phone, enrolled);
    }

    /** A new intent of {@code merchant}. */
    String createIntent(TestNode.Party merchant, long amount, String currency, String captureMethod) {
        Http.Reply created = http().post(merchant.key(), "/v1/payment_intents",
                Map.of("amount", amount, "currency", currency, "capture_method", captureMethod));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.text("id");
    }

    /** The merchant confirms its intent with what the phone presented. */
    Http.Reply confirm(TestNode.Party merchant, String intentId, TokenPresentment presented) {
        return http().post(merchant.key(), "/v1/payment_intents/" + intentId + "/confirm",
                Map.of("payment_method", presented.paymentMethodJson()));
    }

    /** The phone presents a token for a new intent, and the merchant confirms it. */
    Http.Reply pay(Provisioned token, long amount, String captureMethod) {
        String currency = token.bank().currency().getCurrencyCode();
        TestNode.Party merchant = merchant(currency);
        String intent = createIntent(merchant, amount, currency, captureMethod);
        TokenPresentment presented = token.phone().present(token.tokenId(), amount, token.bank().currency(),
                merchant.id(), token.phone().tokens().stream().filter(t -> t.tokenId().equals(token.tokenId()))
                        .findFirst().orElseThrow().domain() == TokenDomain.CONTACTLESS ? "TERM0001" : null);
        return confirm(merchant, intent, presented);
    }

    /** A participant's posted balance in a currency, through the API as the operator. */
    long postedBalance(String participantId, String currency) {
        Http.Reply participant = http().get(node.operatorKey, "/v1/participants/" + participantId);
        assertThat(participant.status()).as(participant.body()).isEqualTo(200);
        return TestNode.posted(participant, currency);
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            simulator.close();
        }
    }
}
