package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.core.kyc.KycTiers;
import org.corridor.core.kyc.LimitResult;
import org.corridor.core.kyc.LimitUsage;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.payment.CardTopUps;
import org.corridor.core.payment.PaymentError;
import org.corridor.core.port.CardRails;
import org.corridor.core.port.Page;
import org.corridor.core.state.Outcome;
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.wallet.WalletOperations;

/**
 * Customers of wallet providers: shoppers with a balance per currency held at Corridor, their KYC tier, their top-ups
 * (from the provider's funding account, or from a card's device token in the shopper's phone, authorized by the
 * card's issuer), transfers and withdrawals.
 */
final class CustomerRoutes implements RouteGroup {
    record CreateCustomer(String name, List<String> currencies, Map<String, String> metadata, String kycTier) {}

    record UpdateCustomer(String kycTier) {}

    record CreateTopUp(Long amount, String currency, PaymentIntentRoutes.PaymentMethodParam paymentMethod) {}

    record CreateTransfer(String toCustomer, Long amount, String currency, String description) {}

    record CreateWithdrawal(Long amount, String currency) {}

    private final V1Services services;
    private final IdempotentPosts posts;

    CustomerRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/customers", PARTICIPANT, this::create);
        routes.get("/customers", PARTICIPANT, this::list);
        routes.get("/customers/{id}", PARTICIPANT, this::retrieve);
        routes.post("/customers/{id}", PARTICIPANT, this::update);
        routes.post("/customers/{id}/top_ups", PARTICIPANT, this::topUp);
        routes.post("/customers/{id}/transfers", PARTICIPANT, this::transfer);
        routes.post("/customers/{id}/withdrawals", PARTICIPANT, this::withdraw);
    }

    private void create(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = services.newId("cus_");
        posts.run(ctx, () -> {
            CreateCustomer request = Bodies.required(ctx, CreateCustomer.class);
            String name = Params.text(request.name(), "name", Params.NAME_CHARS_MAX, false);
            List<String> currencies = Params.currencies(request.currencies());
            Map<String, String> metadata = Params.metadata(request.metadata());
            String kycTier = Params.kycTier(request.kycTier(), "kyc_tier", false);
            return state -> {
                var outcome = ParticipantOperations.createCustomer(state, owner, id, name, currencies, metadata, kycTier);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.CUSTOMER, outcome.value());
                    case NOT_A_WALLET_PROVIDER -> Reply.error(new StoredError(403, "invalid_request_error",
                            "role_not_allowed", "Only wallet providers hold customers' balances.", ""));
                    case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                            "Every currency of a customer must be one its wallet provider works in.", "currencies");
                    case KYC_TIER_UNKNOWN -> kycTierUnknown(kycTier);
                };
            };
        });
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<Customer> found = services.objects().list(RecordKind.CUSTOMER, Caller.of(ctx).participantId(),
                Customer.class, page.limit(), page.startingAfter(), c -> true);
        ctx.json(ObjectJson.list("/v1/customers", found.data().stream().map(ObjectJson::customer).toList(),
                found.hasMore()));
    }

    private void retrieve(Context ctx) {
        Customer customer = owned(ctx, Params.pathId(ctx, "id"));
        Map<String, Object> json = ObjectJson.customer(customer);
        json.put("balances", Balances.of(services.ledger(), customer.accounts()));
        json.put("limit_usage", services.objects().find(RecordKind.LIMIT_USAGE, customer.id(), LimitUsage.class)
                .map(ObjectJson::limitUsage).orElse(null));
        ctx.json(json);
    }

    /** Moves the customer into another of the provider's KYC tiers, or out of any ({@code kyc_tier} empty). */
    private void update(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String customerId = Params.pathId(ctx, "id");
        posts.run(ctx, () -> {
            UpdateCustomer request = Bodies.required(ctx, UpdateCustomer.class);
            if (request.kycTier() == null) throw Params.missing("kyc_tier");
            String kycTier = Params.kycTier(request.kycTier(), "kyc_tier", false);
            return state -> {
                var outcome = KycTiers.assign(state, owner, customerId, kycTier);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.CUSTOMER, outcome.value());
                    case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customerId, "id");
                    case KYC_TIER_UNKNOWN -> kycTierUnknown(kycTier);
                };
            };
        });
    }

    private void topUp(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String customerId = Params.pathId(ctx, "id");
        String id = services.newId("tu_");
        posts.run(ctx, () -> {
            CreateTopUp request = Bodies.required(ctx, CreateTopUp.class);
            long amount = Params.amount(request.amount(), "amount", true);
            String currency = Params.currency(request.currency(), "currency");
            if (request.paymentMethod() != null) {
                CardRails.TokenPresentment presented = TokenPresentments.ofMethod(request.paymentMethod());
                var booking = services.cards().topUp(owner, id, customerId, amount, currency, presented);
                return state -> cardTopUpReply(booking.apply(state), customerId, currency);
            }
            return state -> {
                var outcome = ParticipantOperations.topUp(state, owner, id, customerId, amount, currency);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.TOP_UP, outcome.value());
                    case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customerId, "id");
                    case CURRENCY_NOT_SUPPORTED -> Replies.noBalanceIn(currency, "currency");
                    case NET_DEBIT_CAP_EXCEEDED -> Reply.error(new StoredError(402, "payment_error",
                            NetDebitCaps.DECLINE_CODE, "The top-up would take the wallet provider past its net debit "
                            + "cap in " + currency + ".", "amount"));
                    case LEDGER_REFUSED -> Replies.conflict("ledger_refused",
                            "The ledger refused the top-up (an account limit would be passed).");
                };
            };
        });
    }

    private static Reply cardTopUpReply(Outcome<CardTopUps.Result, CardTopUps.Attempt> outcome, String customerId,
            String currency) {
        return switch (outcome.result()) {
            case OK -> Replies.ok(RecordKind.TOP_UP, outcome.value().topUp());
            case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customerId, "id");
            case CURRENCY_NOT_SUPPORTED -> Replies.noBalanceIn(currency, "currency");
            case PAYMENT_METHOD_UNSUPPORTED -> Replies.invalid("payment_method_unsupported",
                    "A top-up draws on a card's device token, not on a token of a balance.", "payment_method");
            case DECLINED -> {
                PaymentError error = outcome.value().error();
                yield Reply.error(new StoredError(402, "payment_error", error.code(),
                        error.message() + " Nothing was booked.", "payment_method", error.declineCode()));
            }
        };
    }

    private void transfer(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String customerId = Params.pathId(ctx, "id");
        String id = services.newId("wtr_");
        posts.run(ctx, () -> {
            CreateTransfer request = Bodies.required(ctx, CreateTransfer.class);
            String to = Params.id(request.toCustomer(), "cus_", "to_customer");
            long amount = Params.amount(request.amount(), "amount", true);
            String currency = Params.currency(request.currency(), "currency");
            String description = Params.text(request.description(), "description", Params.DESCRIPTION_CHARS_MAX, false);
            return state -> {
                var outcome = WalletOperations.transfer(state, owner, id, customerId, to, amount, currency, description);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.WALLET_TRANSFER, outcome.value());
                    case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customerId, "id");
                    case RECIPIENT_NOT_FOUND -> Replies.notFound("customer", to, "to_customer");
                    case SAME_CUSTOMER -> Replies.invalid("parameter_invalid",
                            "to_customer is the paying customer itself.", "to_customer");
                    case CURRENCY_NOT_SUPPORTED -> Replies.noBalanceIn(currency, "currency");
                    case RECIPIENT_CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                            "The receiving customer holds no balance in " + currency + ".", "to_customer");
                    case CURRENCY_NOT_ALLOWED_BY_TIER, PER_PAYMENT_LIMIT_EXCEEDED, DAILY_LIMIT_EXCEEDED, YEARLY_LIMIT_EXCEEDED ->
                            Replies.limitExceeded(LimitResult.valueOf(outcome.result().name()));
                    case INSUFFICIENT_FUNDS -> insufficientFunds();
                };
            };
        });
    }

    private void withdraw(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String customerId = Params.pathId(ctx, "id");
        String id = services.newId("wd_");
        posts.run(ctx, () -> {
            CreateWithdrawal request = Bodies.required(ctx, CreateWithdrawal.class);
            long amount = Params.amount(request.amount(), "amount", true);
            String currency = Params.currency(request.currency(), "currency");
            return state -> {
                var outcome = WalletOperations.withdraw(state, owner, id, customerId, amount, currency);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.WITHDRAWAL, outcome.value());
                    case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customerId, "id");
                    case CURRENCY_NOT_SUPPORTED -> Replies.noBalanceIn(currency, "currency");
                    case CURRENCY_NOT_ALLOWED_BY_TIER, PER_PAYMENT_LIMIT_EXCEEDED, DAILY_LIMIT_EXCEEDED, YEARLY_LIMIT_EXCEEDED ->
                            Replies.limitExceeded(LimitResult.valueOf(outcome.result().name()));
                    case INSUFFICIENT_FUNDS -> insufficientFunds();
                };
            };
        });
    }

    private static Reply kycTierUnknown(String name) {
        return Replies.invalid("kyc_tier_unknown", "The wallet provider has no KYC tier '" + name + "'.", "kyc_tier");
    }

    private static Reply insufficientFunds() {
        return Reply.error(new StoredError(402, "payment_error", "insufficient_funds",
                "The customer's balance is too low for this amount.", "amount"));
    }

    private Customer owned(Context ctx, String id) {
        return services.objects().find(RecordKind.CUSTOMER, id, Customer.class)
                .filter(c -> c.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("customer", id));
    }
}
