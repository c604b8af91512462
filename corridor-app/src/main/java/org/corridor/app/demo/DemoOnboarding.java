package org.corridor.app.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.corridor.app.wallet.CardEnrolment;
import org.corridor.app.wallet.Onboarding;
import org.corridor.app.wallet.PhoneCard;
import org.corridor.app.wallet.SimParties;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TestCards;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.corridor.sim.wallet.WalletApiClient;
import org.corridor.vault.cryptogram.TokenKey;
import tools.jackson.databind.JsonNode;

/**
 * The operator's and the participants' set-up, all through the public API: issuers, the token wallet and its card
 * merchants (as {@code wallet-sim} does), the cards on phones, then the FX liquidity provider, the account wallets
 * with their KYC tiers and shoppers, the shops with their QR codes, the marketplace with its sellers, and a few
 * balances issued as device tokens.
 */
final class DemoOnboarding {
    /** Calls in flight at once while opening shoppers' wallets and enrolling cards. */
    static final int SET_UP_CALLS_IN_FLIGHT_MAX = 32;
    /** A shopper's top-up, in major units: most are well funded. */
    static final long TOP_UP_MAJOR = 2_000;
    /** One shopper in {@value} has little, so that some of their payments are declined. */
    static final int LOW_BALANCE_ONE_IN = 10;
    /** A low balance, in major units. */
    static final long LOW_TOP_UP_MAJOR = 15;
    /** One shopper in {@value} is on the basic KYC tier, whose per-payment limit is low. */
    static final int BASIC_TIER_ONE_IN = 10;
    /** The basic tier's per-payment limit in major units (times {@link DemoAmounts#scale}). */
    static final long BASIC_PER_PAYMENT_MAJOR = 30;
    /** Shoppers per wallet who also carry their balance on a phone as a device token. */
    static final int BALANCE_TOKENS_PER_WALLET = 8;
    /** How long a marketplace order's money stays in escrow unless delivery is confirmed or disputed. */
    static final long ESCROW_RELEASE_AFTER_SECONDS = 7 * 24 * 3_600;

    private final DemoApi api;
    private final String operatorKey;
    private final ProgressBar bar;

    DemoOnboarding(DemoApi api, String operatorKey, ProgressBar bar) {
        this.api = api;
        this.operatorKey = operatorKey;
        this.bar = bar;
    }

    /** Everything, in dependency order; {@code shoppers} in all, spread over the three wallets. */
    DemoParties run(SimulatedBanks banks, int cards, int shoppers, long seed) throws Exception {
        SimParties cardSide = new Onboarding(api.transport(), operatorKey, "Corridor Pay")
                .run(banks.all(), currencies());
        List<PhoneCard> phoneCards = enrolCards(cardSide, banks, cards, seed);
        participant("fx_provider", "Harbour Liquidity", "HK", DemoParties.USD, DemoParties.CURRENCIES, 0, 0);
        Map<Currency, DemoParties.Party> walletParties = new LinkedHashMap<>();
        walletParties.put(DemoParties.CNY, wallet("Jade Wallet", "CN", DemoParties.CNY));
        walletParties.put(DemoParties.USD, wallet("Liberty Wallet", "US", DemoParties.USD));
        walletParties.put(DemoParties.EUR, wallet("Euro Wallet", "DE", DemoParties.EUR));
        Map<Currency, DemoParties.Party> shops = new LinkedHashMap<>();
        shops.put(DemoParties.CNY, shop("Chengdu Tea House", "CN", DemoParties.CNY, 5812, 60));
        shops.put(DemoParties.USD, shop("Brooklyn Outfitters", "US", DemoParties.USD, 5651, 150));
        shops.put(DemoParties.EUR, shop("Berlin Bookshop", "DE", DemoParties.EUR, 5942, 120));
        DemoParties.Party marketplace = participant("marketplace", "Silk Road Bazaar", "CN", DemoParties.CNY,
                List.of(DemoParties.CNY), 5399, 200);
        List<DemoParties.Party> sellers = new ArrayList<>();
        for (String name : List.of("Yiwu Crafts", "Hangzhou Silk", "Shenzhen Gadgets")) {
            sellers.add(shop(name, "CN", DemoParties.CNY, 5999, 100));
        }
        Map<Currency, DemoParties.Wallet> wallets = openShoppers(walletParties, shoppers, seed);
        List<DemoParties.BalanceToken> tokens = new ArrayList<>();
        for (DemoParties.Wallet wallet : wallets.values()) tokens.addAll(balanceTokens(wallet, seed));
        return new DemoParties(cardSide, phoneCards, wallets, shops, marketplace, List.copyOf(sellers),
                List.copyOf(tokens));
    }

    private static TreeSet<Currency> currencies() {
        TreeSet<Currency> sorted = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
        sorted.addAll(DemoParties.CURRENCIES);
        return sorted;
    }

    /** Test cards of the banks issuing in the demo's currencies, on phones, enrolled a few at a time. */
    private List<PhoneCard> enrolCards(SimParties cardSide, SimulatedBanks banks, int count, long seed)
            throws Exception {
        Predicate<SimulatedBank> demoBank = bank -> DemoParties.CURRENCIES.contains(bank.currency());
        List<TestCard> chosen = TestCards.spread(banks, count, demoBank);
        WalletApiClient client = new WalletApiClient(api.transport());
        int slices = Math.min(SET_UP_CALLS_IN_FLIGHT_MAX, Math.max(1, chosen.size() / CardEnrolment.CARDS_PER_PHONE));
        int perSlice = (chosen.size() / slices + 1) / CardEnrolment.CARDS_PER_PHONE * CardEnrolment.CARDS_PER_PHONE
                + CardEnrolment.CARDS_PER_PHONE;
        AtomicInteger done = new AtomicInteger();
        List<PhoneCard> provisioned = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int from = 0, slice = 0; from < chosen.size(); from += perSlice, slice++) {
                List<TestCard> part = chosen.subList(from, Math.min(chosen.size(), from + perSlice));
                CardEnrolment enrolment = new CardEnrolment(client, cardSide.walletProviderKey(),
                        "demo-phone-" + (slice + 1), seed * 31 + slice);
                running.add(calls.submit(() -> provisioned.addAll(enrolment.enrol(part, card -> {
                    int now = done.incrementAndGet();
                    bar.draw(now / (double) chosen.size(), "enrolling cards on phones: " + now + "/" + chosen.size());
                }))));
            }
            for (Future<?> each : running) each.get();
        }
        bar.finish();
        return List.copyOf(provisioned);
    }

    private DemoParties.Party wallet(String name, String country, Currency currency) throws IOException {
        DemoParties.Party party = participant("wallet_provider", name, country, currency, List.of(currency), 0, 0);
        long scale = DemoAmounts.scale(currency);
        String code = currency.getCurrencyCode();
        api.setUp("defining " + name + "'s basic tier", party.key(), "/v1/kyc_tiers", "name", "basic",
                "limits", Map.of(code, Map.of("per_payment", BASIC_PER_PAYMENT_MAJOR * 100 * scale,
                        "daily", 500_00 * scale)),
                "cross_border_yearly_usd", 1_000_00);
        api.setUp("defining " + name + "'s verified tier", party.key(), "/v1/kyc_tiers", "name", "verified",
                "limits", Map.of(code, Map.of("per_payment", 5_000_00 * scale, "daily", 20_000_00 * scale)),
                "cross_border_yearly_usd", 50_000_00);
        return party;
    }

    private DemoParties.Party shop(String name, String country, Currency currency, int categoryCode, int feeBasisPoints)
            throws IOException {
        DemoParties.Party shop = participant("merchant", name, country, currency, List.of(currency), categoryCode,
                feeBasisPoints);
        api.setUp("creating " + name + "'s QR code", shop.key(), "/v1/qr_codes", "currency", currency.getCurrencyCode());
        return shop;
    }

    private DemoParties.Party participant(String role, String name, String country, Currency settlement,
            List<Currency> currencies, int categoryCode, int feeBasisPoints) throws IOException {
        List<Object> fields = new ArrayList<>(List.of("role", role, "name", name, "country", country,
                "settlement_currency", settlement.getCurrencyCode(),
                "currencies", currencies.stream().map(Currency::getCurrencyCode).toList()));
        if (categoryCode > 0) {
            fields.addAll(List.of("merchant_category_code", String.format("%04d", categoryCode), "fee_basis_points",
                    feeBasisPoints));
        }
        String id = api.setUp("onboarding " + name, operatorKey, "/v1/participants", fields.toArray()).path("id")
                .asString();
        String key = api.setUp("issuing an API key for " + name, operatorKey, "/v1/participants/" + id + "/api_keys",
                "name", "demo").path("secret").asString();
        return new DemoParties.Party(id, key, name);
    }

    /** Opens {@code total} shoppers' wallets, a third with each provider, and tops them up. */
    private Map<Currency, DemoParties.Wallet> openShoppers(Map<Currency, DemoParties.Party> providers, int total,
            long seed) throws Exception {
        Map<Currency, List<String>> opened = new LinkedHashMap<>();
        providers.keySet().forEach(currency -> opened.put(currency, Collections.synchronizedList(new ArrayList<>())));
        List<Currency> currencies = List.copyOf(providers.keySet());
        AtomicInteger done = new AtomicInteger();
        Semaphore inFlight = new Semaphore(SET_UP_CALLS_IN_FLIGHT_MAX);
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Currency currency = currencies.get(i % currencies.size());
                SplittableRandom random = new SplittableRandom(seed * 7_919 + i);
                inFlight.acquire();
                running.add(calls.submit(() -> {
                    try {
                        opened.get(currency).add(openShopper(providers.get(currency), currency, random));
                        int now = done.incrementAndGet();
                        if (now % 25 == 0 || now == total) {
                            bar.draw(now / (double) total, "opening shoppers' wallets in China, the US and Europe: "
                                    + now + "/" + total);
                        }
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) each.get();
        }
        bar.finish();
        Map<Currency, DemoParties.Wallet> wallets = new LinkedHashMap<>();
        providers.forEach((currency, party) -> wallets.put(currency,
                new DemoParties.Wallet(party, currency, List.copyOf(opened.get(currency)))));
        return wallets;
    }

    private String openShopper(DemoParties.Party provider, Currency currency, SplittableRandom random)
            throws IOException {
        String tier = random.nextInt(BASIC_TIER_ONE_IN) == 0 ? "basic" : "verified";
        String id = api.setUp("opening a shopper's wallet", provider.key(), "/v1/customers",
                "currencies", List.of(currency.getCurrencyCode()), "kyc_tier", tier).path("id").asString();
        long major = random.nextInt(LOW_BALANCE_ONE_IN) == 0 ? LOW_TOP_UP_MAJOR : TOP_UP_MAJOR;
        api.setUp("topping up a shopper", provider.key(), "/v1/customers/" + id + "/top_ups",
                "amount", major * 100 * DemoAmounts.scale(currency), "currency", currency.getCurrencyCode());
        return id;
    }

    /** The first shoppers of {@code wallet} carry their balance on a phone, contactless and in app by turns. */
    private List<DemoParties.BalanceToken> balanceTokens(DemoParties.Wallet wallet, long seed) throws IOException {
        List<DemoParties.BalanceToken> tokens = new ArrayList<>();
        int count = Math.min(BALANCE_TOKENS_PER_WALLET, wallet.shoppers().size());
        for (int i = 0; i < count; i++) {
            String customer = wallet.shoppers().get(i);
            TokenDomain domain = i % 2 == 0 ? TokenDomain.CONTACTLESS : TokenDomain.IN_APP;
            DeviceWallet phone = DeviceWallet.of("demo-balance-phone-" + wallet.currency() + "-" + (i + 1),
                    UnpredictableNumbers.seeded(seed * 104_729 + tokens.size() + wallet.currency().hashCode()));
            JsonNode issued = api.setUp("issuing a balance as a device token", wallet.party().key(),
                    "/v1/customers/" + customer + "/tokens", "currency", wallet.currency().getCurrencyCode(),
                    "device_id", phone.deviceId(), "domain", domain.wireName());
            String tokenId = issued.path("id").asString();
            phone.provision(tokenId, issued.path("dpan").asString(), domain,
                    TokenKey.fromHex(issued.path("token_key").asString()));
            tokens.add(new DemoParties.BalanceToken(wallet, customer, tokenId, phone, domain));
        }
        return tokens;
    }
}
