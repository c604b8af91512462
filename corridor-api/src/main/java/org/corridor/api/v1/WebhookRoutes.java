package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookEndpoint;
import org.corridor.core.webhook.WebhookOperations;

/**
 * Webhook endpoints (with signing secrets that rotate), and the events sent to them: listed, each with its
 * deliveries, and redelivered on request.
 */
final class WebhookRoutes implements RouteGroup {
    static final int URL_CHARS_MAX = 2_048;
    static final int SECRET_BYTES = 32;

    record CreateEndpoint(String url, List<String> enabledEvents) {}

    private final V1Services services;
    private final IdempotentPosts posts;

    WebhookRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/webhook_endpoints", PARTICIPANT, this::create);
        routes.get("/webhook_endpoints", PARTICIPANT, this::list);
        routes.get("/webhook_endpoints/{id}", PARTICIPANT, this::retrieve);
        routes.delete("/webhook_endpoints/{id}", PARTICIPANT, this::delete);
        routes.post("/webhook_endpoints/{id}/rotate_secret", PARTICIPANT, this::rotate);
        routes.get("/events", PARTICIPANT, this::listEvents);
        routes.get("/events/{id}", PARTICIPANT, this::retrieveEvent);
        routes.post("/events/{id}/redeliver", PARTICIPANT, this::redeliver);
    }

    private void create(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = services.newId("we_");
        String secret = newSecret();
        posts.run(ctx, () -> {
            CreateEndpoint request = Bodies.required(ctx, CreateEndpoint.class);
            String url = url(request.url());
            List<String> events = enabledEvents(request.enabledEvents());
            return state -> {
                var outcome = WebhookOperations.createEndpoint(state, owner, id, url, events, secret);
                return outcome.ok() ? Replies.ok(RecordKind.WEBHOOK_ENDPOINT, outcome.value())
                        : Reply.error(new StoredError(400, "invalid_request_error", "too_many_endpoints",
                                "A participant has at most " + WebhookOperations.ENDPOINTS_PER_OWNER_MAX
                                        + " webhook endpoints.", ""));
            };
        });
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<WebhookEndpoint> found = services.objects().list(RecordKind.WEBHOOK_ENDPOINT,
                Caller.of(ctx).participantId(), WebhookEndpoint.class, page.limit(), page.startingAfter(), e -> true);
        ctx.json(ObjectJson.list("/v1/webhook_endpoints",
                found.data().stream().map(e -> ObjectJson.webhookEndpoint(e, false)).toList(), found.hasMore()));
    }

    private void retrieve(Context ctx) {
        ctx.json(ObjectJson.webhookEndpoint(ownedEndpoint(ctx, Params.pathId(ctx, "id")), false));
    }

    private void delete(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        ownedEndpoint(ctx, id);
        var outcome = services.commands().execute(state -> WebhookOperations.deleteEndpoint(state, owner, id));
        if (!outcome.ok()) throw Params.notFound("webhook_endpoint", id);
        ctx.json(ObjectJson.ordered("id", id, "object", "webhook_endpoint", "deleted", true));
    }

    /** A new current secret; the previous one keeps signing for a day, so receivers can switch over. */
    private void rotate(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        String secret = newSecret();
        posts.run(ctx, () -> state -> {
            var outcome = WebhookOperations.rotateSecret(state, owner, id, secret);
            return outcome.ok() ? Replies.ok(RecordKind.WEBHOOK_ENDPOINT, outcome.value())
                    : Replies.notFound("webhook_endpoint", id, "id");
        });
    }

    private void listEvents(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of("type", "delivery_status"));
        String type = ctx.queryParam("type");
        String deliveryStatus = ctx.queryParam("delivery_status");
        if (deliveryStatus != null && !Set.of("pending", "delivered", "failed").contains(deliveryStatus)) {
            throw ApiException.badRequest("parameter_invalid", "delivery_status must be pending, delivered or failed.",
                    "delivery_status");
        }
        Page<Event> found = services.objects().list(RecordKind.EVENT, Caller.of(ctx).participantId(), Event.class,
                page.limit(), page.startingAfter(), e -> (type == null || e.type().equals(type))
                        && (deliveryStatus == null || services.objects().deliveriesOf(e.id()).stream()
                                .anyMatch(d -> d.status().name().equalsIgnoreCase(deliveryStatus))));
        ctx.json(ObjectJson.list("/v1/events", found.data().stream().map(this::eventWithDeliveries).toList(),
                found.hasMore()));
    }

    private void retrieveEvent(Context ctx) {
        String id = Params.pathId(ctx, "id");
        Event event = services.objects().find(RecordKind.EVENT, id, Event.class)
                .filter(e -> e.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("event", id));
        ctx.json(eventWithDeliveries(event));
    }

    private Map<String, Object> eventWithDeliveries(Event event) {
        Map<String, Object> json = ObjectJson.event(event);
        json.put("deliveries", services.objects().deliveriesOf(event.id()).stream()
                .sorted(Comparator.comparing(Delivery::endpointId)).map(ObjectJson::delivery).toList());
        return json;
    }

    private void redeliver(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> state -> {
            var outcome = WebhookOperations.redeliver(state, owner, id);
            return outcome.ok() ? Replies.ok(RecordKind.EVENT, outcome.value()) : Replies.notFound("event", id, "id");
        });
    }

    private WebhookEndpoint ownedEndpoint(Context ctx, String id) {
        return services.objects().find(RecordKind.WEBHOOK_ENDPOINT, id, WebhookEndpoint.class)
                .filter(e -> e.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("webhook_endpoint", id));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        services.random().nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }


    private static String url(String given) {
        if (given == null) throw Params.missing("url");
        String invalid = "url must be an absolute http or https URL of at most " + URL_CHARS_MAX + " characters.";
        if (given.length() > URL_CHARS_MAX) throw ApiException.badRequest("url_invalid", invalid, "url");
        try {
            URI uri = new URI(given);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getUserInfo() != null) {
                throw ApiException.badRequest("url_invalid", invalid, "url");
            }
        } catch (URISyntaxException notUri) {
            throw ApiException.badRequest("url_invalid", invalid, "url");
        }
        return given;
    }

    private static List<String> enabledEvents(List<String> given) {
        if (given == null || given.isEmpty()) throw Params.missing("enabled_events");
        if (given.size() > EventTypes.KNOWN.size() + 1) {
            throw ApiException.badRequest("parameter_invalid", "enabled_events lists each type once.", "enabled_events");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : given) {
            if (type == null || !EventTypes.known(type)) {
                throw ApiException.badRequest("parameter_invalid", "enabled_events holds '*' or these types: "
                        + String.join(", ", EventTypes.KNOWN) + ".", "enabled_events");
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }
}
