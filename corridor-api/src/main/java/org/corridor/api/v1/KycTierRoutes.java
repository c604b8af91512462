package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.kyc.KycTier;
import org.corridor.core.kyc.KycTiers;
import org.corridor.core.kyc.TierLimits;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;

/**
 * A wallet provider's KYC tiers: the limits its customers pay under, defined by the provider because each is
 * regulated in its own country. Posting a tier under a name it already has replaces its limits.
 */
final class KycTierRoutes implements RouteGroup {
    record DefineTier(String name, Map<String, Limits> limits, Long crossBorderYearlyUsd) {}

    record Limits(Long perPayment, Long daily, Long yearly) {}

    private final V1Services services;
    private final IdempotentPosts posts;

    KycTierRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/kyc_tiers", PARTICIPANT, this::define);
        routes.get("/kyc_tiers", PARTICIPANT, this::list);
        routes.get("/kyc_tiers/{name}", PARTICIPANT, this::retrieve);
    }

    private void define(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = services.newId("kyct_");
        posts.run(ctx, () -> {
            DefineTier request = Bodies.required(ctx, DefineTier.class);
            String name = Params.kycTier(request.name(), "name", true);
            Map<String, TierLimits> limits = limits(request.limits());
            long crossBorder = limit(request.crossBorderYearlyUsd(), "cross_border_yearly_usd");
            return state -> {
                var outcome = KycTiers.define(state, owner, id, name, limits, crossBorder);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.KYC_TIER, outcome.value());
                    case NOT_A_WALLET_PROVIDER -> Reply.error(new StoredError(403, "invalid_request_error",
                            "role_not_allowed", "Only wallet providers define KYC tiers.", ""));
                    case TOO_MANY_TIERS -> Replies.invalid("kyc_tier_limit_reached", "A wallet provider defines at most "
                            + KycTiers.TIERS_PER_PROVIDER_MAX + " KYC tiers; redefine one instead.", "name");
                };
            };
        });
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<KycTier> found = services.objects().list(RecordKind.KYC_TIER, Caller.of(ctx).participantId(),
                KycTier.class, page.limit(), page.startingAfter(), t -> true);
        ctx.json(ObjectJson.list("/v1/kyc_tiers", found.data().stream().map(ObjectJson::kycTier).toList(),
                found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String name = Params.pathId(ctx, "name");
        KycTier tier = services.objects()
                .findByKey(RecordKind.KYC_TIER, KycTier.key(Caller.of(ctx).participantId(), name), KycTier.class)
                .orElseThrow(() -> Params.notFound("KYC tier", name));
        ctx.json(ObjectJson.kycTier(tier));
    }

    /** The limits per currency: at most {@link KycTier#CURRENCIES_MAX} ISO 4217 codes, each given once. */
    private static Map<String, TierLimits> limits(Map<String, Limits> given) {
        if (given == null) return Map.of();
        if (given.size() > KycTier.CURRENCIES_MAX) {
            throw ApiException.badRequest("parameter_invalid", "limits holds at most " + KycTier.CURRENCIES_MAX
                    + " currencies.", "limits");
        }
        Map<String, TierLimits> limits = new TreeMap<>();
        for (Map.Entry<String, Limits> entry : given.entrySet()) {
            String currency = Params.currency(entry.getKey(), "limits");
            String param = "limits[" + currency + "]";
            Limits each = entry.getValue();
            if (each == null) throw ApiException.badRequest("parameter_invalid", param + " must be an object.", param);
            TierLimits parsed = new TierLimits(limit(each.perPayment(), param + "[per_payment]"),
                    limit(each.daily(), param + "[daily]"), limit(each.yearly(), param + "[yearly]"));
            if (limits.put(currency, parsed) != null) {
                throw ApiException.badRequest("parameter_invalid", param + " is given twice.", param);
            }
        }
        return limits;
    }

    /** A limit in minor units: left out (no limit) or 1 to {@link KycTier#LIMIT_MINOR_MAX}. */
    private static long limit(Long value, String param) {
        if (value == null) return 0;
        if (value < 1 || value > KycTier.LIMIT_MINOR_MAX) {
            throw ApiException.badRequest("amount_invalid", param + " must be an integer number of minor units from 1 to "
                    + KycTier.LIMIT_MINOR_MAX + ", or left out for no limit.", param);
        }
        return value;
    }
}
