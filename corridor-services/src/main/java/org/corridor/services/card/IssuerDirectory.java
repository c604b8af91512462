package org.corridor.services.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;
import org.corridor.gateway.routing.BinRoute;
import org.corridor.gateway.routing.BinRoutingTable;
import org.corridor.gateway.routing.CardNetwork;

/**
 * Finds a card's issuer among the issuer participants by the longest BIN prefix. The table is rebuilt from the
 * committed participants when a lookup misses (a new issuer may have come) or it is older than
 * {@link #REFRESH_MS}; a prefix outside every network's range is not routable and left out.
 */
public final class IssuerDirectory {
    /** How long a table is used before it is rebuilt even without a miss. */
    public static final long REFRESH_MS = 5_000;
    /** How often a missing BIN may force a rebuild at most. */
    public static final long MISS_REBUILD_INTERVAL_MS = 100;

    private record Table(BinRoutingTable routes, long builtAtMs) {}

    private final ObjectReader objects;
    private volatile Table table = new Table(BinRoutingTable.of(List.of()), Long.MIN_VALUE / 2);

    public IssuerDirectory(ObjectReader objects) {
        this.objects = objects;
    }

    /** The issuer route (network and issuer participant id as its link id) of a PAN, if an issuer holds its BIN. */
    public Optional<BinRoute> issuerOf(String panDigits) {
        long now = System.nanoTime() / 1_000_000;
        Table current = table;
        if (now - current.builtAtMs() > REFRESH_MS) current = rebuild(now);
        Optional<BinRoute> route = current.routes().route(panDigits);
        if (route.isEmpty() && now - current.builtAtMs() > MISS_REBUILD_INTERVAL_MS) {
            route = rebuild(now).routes().route(panDigits);
        }
        return route;
    }

    private synchronized Table rebuild(long now) {
        List<BinRoute> routes = new ArrayList<>();
        String after = null;
        while (true) {
            Page<Participant> page = objects.list(RecordKind.PARTICIPANT, ParticipantOperations.OPERATOR_ID,
                    Participant.class, ObjectReader.PAGE_LIMIT_MAX, after, p -> p.role() == ParticipantRole.ISSUER);
            for (Participant issuer : page.data()) {
                for (String prefix : issuer.binPrefixes()) {
                    CardNetwork.ofPan(prefix).ifPresent(network -> routes.add(new BinRoute(prefix, network, issuer.id())));
                }
            }
            if (!page.hasMore() || page.data().isEmpty()) break;
            after = page.data().getLast().id();
        }
        Table fresh = new Table(BinRoutingTable.of(routes), now);
        table = fresh;
        return fresh;
    }
}
