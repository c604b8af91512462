package org.corridor.api.v1;

import static org.corridor.api.Access.OPERATOR;
import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.ApiKeyTokens;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.ApiKey;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;

/**
 * Participants and their API keys. Onboarding is the operator's; every participant sees its own record
 * ({@code /account}) and manages its own keys.
 */
final class ParticipantRoutes implements RouteGroup {
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    record CreateParticipant(String role, String name, String country, String settlementCurrency,
            List<String> currencies, String merchantCategoryCode, String payoutAccount, Integer feeBasisPoints,
            List<String> binPrefixes, Map<String, String> metadata) {}

    record CreateApiKey(String name) {}

    /** BIN prefixes one issuer may hold. */
    static final int BIN_PREFIXES_MAX = 64;

    private final V1Services services;
    private final IdempotentPosts posts;

    ParticipantRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/participants", OPERATOR, this::create);
        routes.get("/participants", OPERATOR, this::list);
        routes.get("/participants/{id}", OPERATOR, this::retrieve);
        routes.post("/participants/{id}/api_keys", OPERATOR, ctx -> createKey(ctx, Params.pathId(ctx, "id")));
        routes.get("/account", PARTICIPANT, this::account);
        routes.post("/api_keys", PARTICIPANT, ctx -> createKey(ctx, Caller.of(ctx).participantId()));
        routes.get("/api_keys", PARTICIPANT, this::listKeys);
        routes.post("/api_keys/{id}/revoke", PARTICIPANT, this::revokeKey);
    }

    private void create(Context ctx) {
        posts.run(ctx, () -> {
            CreateParticipant request = Bodies.required(ctx, CreateParticipant.class);
            ParticipantRole role = role(request.role());
            List<String> currencies = Params.currencies(request.currencies());
            String settlement = Params.currency(request.settlementCurrency(), "settlement_currency");
            if (!currencies.contains(settlement)) {
                throw ApiException.badRequest("parameter_invalid", "settlement_currency must be one of currencies.",
                        "settlement_currency");
            }
            int mcc = merchantCategoryCode(request.merchantCategoryCode(), role);
            int fee = request.feeBasisPoints() == null ? 0 : request.feeBasisPoints();
            if (fee < 0 || fee > Fees.BASIS_POINTS_MAX) {
                throw ApiException.badRequest("parameter_invalid", "fee_basis_points must be 0 to "
                        + Fees.BASIS_POINTS_MAX + ".", "fee_basis_points");
            }
            Participant spec = new Participant(services.newId("acct_"), role,
                    Params.text(request.name(), "name", Params.NAME_CHARS_MAX, true), country(request.country()),
                    settlement, mcc, Params.text(request.payoutAccount(), "payout_account", Params.NAME_CHARS_MAX, false),
                    fee, Map.of(), binPrefixes(request.binPrefixes(), role), Params.metadata(request.metadata()), 0);
            return state -> {
                Optional<String> taken = ParticipantOperations.binPrefixTaken(state, spec.binPrefixes());
                if (taken.isPresent()) {
                    return Replies.conflict("bin_prefix_taken", "Another issuer already has the BIN prefix "
                            + taken.get() + ".");
                }
                return Replies.ok(RecordKind.PARTICIPANT, ParticipantOperations.createParticipant(state, spec, currencies));
            };
        });
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of("role"));
        String role = ctx.queryParam("role");
        ParticipantRole wanted = role == null ? null : role(role);
        Page<Participant> found = services.objects().list(RecordKind.PARTICIPANT, ParticipantOperations.OPERATOR_ID,
                Participant.class, page.limit(), page.startingAfter(), p -> wanted == null || p.role() == wanted);
        ctx.json(ObjectJson.list("/v1/participants", found.data().stream().map(ObjectJson::participant).toList(),
                found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String id = Params.pathId(ctx, "id");
        Participant participant = services.objects().find(RecordKind.PARTICIPANT, id, Participant.class)
                .orElseThrow(() -> Params.notFound("participant", id));
        ctx.json(withBalances(participant));
    }

    private void account(Context ctx) {
        Participant self = services.objects()
                .find(RecordKind.PARTICIPANT, Caller.of(ctx).participantId(), Participant.class).orElseThrow();
        ctx.json(withBalances(self));
    }

    private Map<String, Object> withBalances(Participant participant) {
        Map<String, Object> json = ObjectJson.participant(participant);
        json.put("balances", Balances.of(services.ledger(), participant.accounts()));
        return json;
    }

    /** Issues a key for {@code ownerId}; the secret is in this reply only (a retried create shows the key without it). */
    private void createKey(Context ctx, String ownerId) {
        ApiKeyTokens.Issued issued = ApiKeyTokens.issue(services.random());
        Reply reply = posts.run(ctx, () -> {
            CreateApiKey request = Bodies.read(ctx, CreateApiKey.class, new CreateApiKey(null));
            String name = Params.text(request.name(), "name", Params.NAME_CHARS_MAX, false);
            return state -> {
                if (state.find(RecordKind.PARTICIPANT, ownerId, Participant.class).isEmpty()) {
                    return Replies.notFound("participant", ownerId, "id");
                }
                ApiKey key = new ApiKey(issued.keyId(), ownerId, name, issued.hash(), issued.lastFour(), state.now(), 0);
                return Replies.ok(RecordKind.API_KEY, ParticipantOperations.createApiKey(state, key));
            };
        });
        if (reply.body() instanceof ApiKey key && key.id().equals(issued.keyId())) {
            Map<String, Object> json = ObjectJson.apiKey(key);
            json.put("secret", issued.token());
            ctx.json(json);
        }
    }

    private void listKeys(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<ApiKey> found = services.objects().list(RecordKind.API_KEY, Caller.of(ctx).participantId(), ApiKey.class,
                page.limit(), page.startingAfter(), k -> true);
        ctx.json(ObjectJson.list("/v1/api_keys", found.data().stream().map(ObjectJson::apiKey).toList(), found.hasMore()));
    }

    private void revokeKey(Context ctx) {
        String id = Params.pathId(ctx, "id");
        String owner = Caller.of(ctx).participantId();
        posts.run(ctx, () -> state -> {
            var outcome = ParticipantOperations.revokeApiKey(state, owner, id);
            return outcome.ok() ? Replies.ok(RecordKind.API_KEY, outcome.value()) : Replies.notFound("API key", id, "id");
        });
    }

    private static ParticipantRole role(String role) {
        if (role == null) throw Params.missing("role");
        for (ParticipantRole candidate : ParticipantRole.values()) {
            if (candidate != ParticipantRole.OPERATOR && candidate.name().toLowerCase(Locale.ROOT).equals(role)) {
                return candidate;
            }
        }
        throw ApiException.badRequest("parameter_invalid",
                "role must be one of wallet_provider, issuer, merchant, marketplace, fx_provider.", "role");
    }


    private static String country(String country) {
        if (country == null) throw Params.missing("country");
        if (!COUNTRIES.contains(country)) {
            throw ApiException.badRequest("parameter_invalid", "country must be an ISO 3166-1 alpha-2 code such as US.",
                    "country");
        }
        return country;
    }

    private static int merchantCategoryCode(String code, ParticipantRole role) {
        if (!role.acceptsPayments()) {
            if (code != null) {
                throw ApiException.badRequest("parameter_invalid",
                        "merchant_category_code is for merchants and marketplaces.", "merchant_category_code");
            }
            return 0;
        }
        if (code == null) throw Params.missing("merchant_category_code");
        if (!code.matches("[0-9]{4}") || code.equals("0000")) {
            throw ApiException.badRequest("parameter_invalid", "merchant_category_code is four digits (ISO 18245).",
                    "merchant_category_code");
        }
        return Integer.parseInt(code);
    }

    /** An issuer's BIN prefixes: 1 to {@value #BIN_PREFIXES_MAX} distinct strings of 6 to 11 digits; none for others. */
    private static List<String> binPrefixes(List<String> given, ParticipantRole role) {
        if (given == null || given.isEmpty()) return List.of();
        if (role != ParticipantRole.ISSUER) {
            throw ApiException.badRequest("parameter_invalid", "Only issuers have bin_prefixes.", "bin_prefixes");
        }
        if (given.size() > BIN_PREFIXES_MAX) {
            throw ApiException.badRequest("parameter_invalid", "bin_prefixes holds at most " + BIN_PREFIXES_MAX
                    + " prefixes.", "bin_prefixes");
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (String prefix : given) {
            if (prefix == null || !prefix.matches("[0-9]{6,11}")) {
                throw ApiException.badRequest("parameter_invalid", "Each of bin_prefixes is 6 to 11 digits.",
                        "bin_prefixes");
            }
            prefixes.add(prefix);
        }
        return List.copyOf(prefixes);
    }
}
