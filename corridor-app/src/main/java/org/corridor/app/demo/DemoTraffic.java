package org.corridor.app.demo;

import java.io.IOException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.corridor.app.wallet.PaymentOutcome;
import org.corridor.app.wallet.PaymentScenario;
import org.corridor.app.wallet.PhoneCard;
import org.corridor.app.wallet.ScenarioRunner;
import org.corridor.app.wallet.SimMerchant;
import org.corridor.sim.wallet.ApiReply;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.corridor.sim.wallet.WalletApiClient;
import tools.jackson.databind.JsonNode;

/**
 * One payment at a time, as the participants make them through the public API: a rail is drawn, then the parties
 * of that rail act in turn (the shop creates the intent or the QR code, the wallet or the phone pays, the shop
 * captures, cancels or refunds). Whatever the API answers is counted, by rail and by the step that decided it.
 */
final class DemoTraffic {
    /** The terminal id of every in-store tap. */
    static final String TERMINAL_ID = ScenarioRunner.TERMINAL_ID;

    private final DemoApi api;
    private final DemoParties parties;
    private final DemoTally tally;
    private final ScenarioRunner cardRunner;
    private final List<PhoneCard> inAppCards;

    DemoTraffic(DemoApi api, DemoParties parties, DemoTally tally) {
        this.api = api;
        this.parties = parties;
        this.tally = tally;
        this.cardRunner = new ScenarioRunner(new WalletApiClient(api.transport()), parties.cards());
        this.inAppCards = parties.cardsIn(TokenDomain.IN_APP);
    }

    /** Makes one payment on a rail drawn from {@code random}; an API that does not answer is counted too. */
    void onePayment(SplittableRandom random) {
        DemoRail rail = DemoRail.pick(random);
        String outcome;
        try {
            outcome = switch (rail) {
                case CARD_TOKEN -> cardToken(random);
                case BALANCE_TOKEN -> balanceToken(random);
                case ACCOUNT_WALLET -> accountWallet(random);
                case CROSS_BORDER -> crossBorder(random);
                case QR_MERCHANT_PRESENTED -> qrMerchantPresented(random);
                case QR_CARD_TOKEN -> qrCardToken(random);
                case QR_CUSTOMER_PRESENTED -> qrCustomerPresented(random);
                case MARKETPLACE_ESCROW -> marketplaceOrder(random);
            };
        } catch (IOException noAnswer) {
            outcome = "no answer from the API";
        }
        tally.payment(rail, outcome);
    }

    private String cardToken(SplittableRandom random) throws IOException {
        if (parties.phoneCards().isEmpty()) return "no card enrolled";
        PhoneCard card = pick(random, parties.phoneCards());
        PaymentScenario scenario = PaymentScenario.pick(random);
        long amount = Math.min(DemoAmounts.draw(random, card.card().bank().currency()),
                card.card().bank().transactionLimitMinor());
        PaymentOutcome outcome = cardRunner.run(scenario, card, amount);
        return scenario.label() + " / " + outcome.label();
    }

    private String balanceToken(SplittableRandom random) throws IOException {
        if (parties.balanceTokens().isEmpty()) return "no balance token";
        DemoParties.BalanceToken token = pick(random, parties.balanceTokens());
        Currency currency = token.wallet().currency();
        SimMerchant merchant = parties.cards().merchantFor(currency);
        long amount = DemoAmounts.draw(random, currency);
        JsonNode intent = created(api.post(merchant.apiKey(), "/v1/payment_intents", "amount", amount,
                "currency", currency.getCurrencyCode()));
        if (intent == null) return "create: refused";
        TokenPresentment presented = token.phone().present(token.tokenId(), amount, currency, merchant.id(),
                token.domain() == TokenDomain.CONTACTLESS ? TERMINAL_ID : null);
        ApiReply paid = api.post(merchant.apiKey(), intentPath(intent, "confirm"),
                "payment_method", presented.paymentMethodJson());
        return "confirm: " + DemoApi.outcome(paid);
    }

    private String accountWallet(SplittableRandom random) throws IOException {
        DemoParties.Wallet wallet = pick(random, List.copyOf(parties.wallets().values()));
        DemoParties.Party shop = parties.shops().get(wallet.currency());
        long amount = DemoAmounts.draw(random, wallet.currency());
        boolean manual = random.nextInt(4) == 0;
        JsonNode intent = created(api.post(shop.key(), "/v1/payment_intents", "amount", amount,
                "currency", wallet.currency().getCurrencyCode(), "capture_method", manual ? "manual" : "automatic"));
        if (intent == null) return "create: refused";
        ApiReply paid = payFromBalance(wallet, pick(random, wallet.shoppers()), intent, null);
        if (!paid.ok()) return "confirm: " + DemoApi.outcome(paid);
        return afterPayment(random, shop, intent, amount, manual);
    }

    /** Captures (all or part) or voids a manual payment; refunds some automatic ones. */
    private String afterPayment(SplittableRandom random, DemoParties.Party shop, JsonNode intent, long amount,
            boolean manual) throws IOException {
        if (manual) {
            int choice = random.nextInt(3);
            if (choice == 0) return "cancel: " + DemoApi.outcome(api.post(shop.key(), intentPath(intent, "cancel")));
            long capture = choice == 1 ? amount : Math.max(1, amount / 2);
            return (choice == 1 ? "capture: " : "partial capture: ")
                    + DemoApi.outcome(api.post(shop.key(), intentPath(intent, "capture"), "amount_to_capture", capture));
        }
        if (random.nextInt(5) != 0) return "confirm: succeeded";
        return "refund: " + DemoApi.outcome(api.post(shop.key(), "/v1/refunds", "payment_intent", id(intent),
                "amount", Math.max(1, amount / 2)));
    }

    /** Mostly Chinese shoppers at the US shop; some European shoppers there, some Americans in Chengdu. */
    private String crossBorder(SplittableRandom random) throws IOException {
        int draw = random.nextInt(100);
        Currency from = draw < 70 ? DemoParties.CNY : draw < 85 ? DemoParties.EUR : DemoParties.USD;
        Currency to = from.equals(DemoParties.USD) ? DemoParties.CNY : DemoParties.USD;
        DemoParties.Wallet wallet = parties.wallets().get(from);
        DemoParties.Party shop = parties.shops().get(to);
        long amount = DemoAmounts.draw(random, to);
        boolean quoted = random.nextBoolean();
        String quote = null;
        if (quoted) {
            ApiReply reply = api.post(wallet.party().key(), "/v1/fx_quotes", "sell_currency", from.getCurrencyCode(),
                    "buy_currency", to.getCurrencyCode(), "buy_amount", amount);
            if (!reply.ok()) return "quote: " + DemoApi.outcome(reply);
            quote = reply.text("id");
        }
        JsonNode intent = created(api.post(shop.key(), "/v1/payment_intents", "amount", amount,
                "currency", to.getCurrencyCode()));
        if (intent == null) return "create: refused";
        ApiReply paid = payFromBalance(wallet, pick(random, wallet.shoppers()), intent, quote);
        String how = quoted ? "quoted" : "at market";
        if (!paid.ok()) return how + ", confirm: " + DemoApi.outcome(paid);
        JsonNode conversion = paid.body().path("conversion");
        tally.converted(from.getCurrencyCode(), to.getCurrencyCode(), conversion.path("sell_amount").asLong(), amount);
        if (random.nextInt(10) != 0) return how + ", confirm: " + DemoApi.outcome(paid);
        return how + ", refund: " + DemoApi.outcome(api.post(shop.key(), "/v1/refunds", "payment_intent", id(intent)));
    }

    private String qrMerchantPresented(SplittableRandom random) throws IOException {
        DemoParties.Wallet wallet = pick(random, List.copyOf(parties.wallets().values()));
        DemoParties.Party shop = parties.shops().get(wallet.currency());
        long amount = DemoAmounts.draw(random, wallet.currency());
        String currency = wallet.currency().getCurrencyCode();
        String shopper = pick(random, wallet.shoppers());
        if (random.nextBoolean()) {
            JsonNode code = created(api.post(shop.key(), "/v1/qr_codes", "currency", currency));
            if (code == null) return "static code: refused";
            return "static code: " + DemoApi.outcome(api.post(wallet.party().key(), "/v1/qr_payments",
                    "payload", code.path("payload").asString(), "customer", shopper, "amount", amount));
        }
        JsonNode code = created(api.post(shop.key(), "/v1/qr_codes", "amount", amount, "currency", currency,
                "reference", "order " + random.nextInt(1_000_000)));
        if (code == null) return "dynamic code: refused";
        return "dynamic code: " + DemoApi.outcome(api.post(wallet.party().key(), "/v1/qr_payments",
                "payload", code.path("payload").asString(), "customer", shopper));
    }

    private String qrCardToken(SplittableRandom random) throws IOException {
        if (inAppCards.isEmpty()) return "no in-app card enrolled";
        PhoneCard card = pick(random, inAppCards);
        Currency currency = card.card().bank().currency();
        DemoParties.Party shop = parties.shops().get(currency);
        long amount = Math.min(DemoAmounts.draw(random, currency), card.card().bank().transactionLimitMinor());
        JsonNode code = created(api.post(shop.key(), "/v1/qr_codes", "amount", amount,
                "currency", currency.getCurrencyCode(), "reference", "order " + random.nextInt(1_000_000)));
        if (code == null) return "dynamic code: refused";
        TokenPresentment presented = card.phone().present(card.token().tokenId(), amount, currency, shop.id(), null);
        return "dynamic code: " + DemoApi.outcome(api.post(parties.cards().walletProviderKey(), "/v1/qr_payments",
                "payload", code.path("payload").asString(), "payment_method", presented.paymentMethodJson()));
    }

    private String qrCustomerPresented(SplittableRandom random) throws IOException {
        DemoParties.Wallet wallet = pick(random, List.copyOf(parties.wallets().values()));
        DemoParties.Party shop = parties.shops().get(wallet.currency());
        ApiReply code = api.post(wallet.party().key(), "/v1/customers/" + pick(random, wallet.shoppers())
                + "/payment_codes");
        if (!code.ok()) return "payment code: " + DemoApi.outcome(code);
        return "charge: " + DemoApi.outcome(api.post(shop.key(), "/v1/payment_codes/charge", "code", code.text("code"),
                "amount", DemoAmounts.draw(random, wallet.currency()), "currency", wallet.currency().getCurrencyCode()));
    }

    /** A Chinese shopper's order from a seller on the marketplace, paid into escrow, then settled one way or another. */
    private String marketplaceOrder(SplittableRandom random) throws IOException {
        DemoParties.Wallet wallet = parties.wallets().get(DemoParties.CNY);
        DemoParties.Party seller = pick(random, parties.sellers());
        long amount = DemoAmounts.draw(random, DemoParties.CNY);
        JsonNode intent = created(api.post(parties.marketplace().key(), "/v1/payment_intents", "amount", amount,
                "currency", "CNY", "escrow", Map.of("seller", seller.id(),
                        "release_after_seconds", DemoOnboarding.ESCROW_RELEASE_AFTER_SECONDS)));
        if (intent == null) return "create: refused";
        ApiReply paid = payFromBalance(wallet, pick(random, wallet.shoppers()), intent, null);
        if (!paid.ok()) return "confirm: " + DemoApi.outcome(paid);
        String escrow = "/v1/escrows/esc_" + id(intent).substring("pi_".length());
        String key = wallet.party().key();
        int draw = random.nextInt(100);
        if (draw < 50) return "delivered: " + DemoApi.outcome(api.post(key, escrow + "/confirm_delivery", "amount", amount));
        if (draw < 70) {
            return "partly delivered: " + DemoApi.outcome(api.post(key, escrow + "/confirm_delivery",
                    "amount", Math.max(1, amount / 3)));
        }
        if (draw < 85) return "disputed: " + DemoApi.outcome(api.post(key, escrow + "/dispute"));
        return "held until delivery: succeeded";
    }

    private ApiReply payFromBalance(DemoParties.Wallet wallet, String shopper, JsonNode intent, String quote)
            throws IOException {
        Map<String, String> method = Map.of("type", "customer_balance", "customer", shopper);
        return quote == null
                ? api.post(wallet.party().key(), intentPath(intent, "confirm"), "client_secret",
                        intent.path("client_secret").asString(), "payment_method", method)
                : api.post(wallet.party().key(), intentPath(intent, "confirm"), "client_secret",
                        intent.path("client_secret").asString(), "payment_method", method, "fx_quote", quote);
    }

    /** The created object, or null when the API refused to create it. */
    private static JsonNode created(ApiReply reply) {
        return reply.ok() && reply.text("id") != null ? reply.body() : null;
    }

    private static String id(JsonNode object) {
        return object.path("id").asString();
    }

    private static String intentPath(JsonNode intent, String action) {
        return "/v1/payment_intents/" + id(intent) + "/" + action;
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
