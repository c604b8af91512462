package org.corridor.gateway.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.gateway.routing.CardNetwork;

/**
 * The switch's links to the card networks: one per network, or one shared link (a network's gateway, or the issuer
 * simulator hosting banks of every network). The card's BIN picks the network; the network picks the link.
 */
public final class IssuerLinks implements AutoCloseable {
    private final Map<CardNetwork, IssuerLink> byNetwork;
    private final IssuerLink shared;

    private IssuerLinks(Map<CardNetwork, IssuerLink> byNetwork, IssuerLink shared) {
        this.byNetwork = Map.copyOf(byNetwork);
        this.shared = shared;
    }

    /** One link for every network. */
    public static IssuerLinks shared(IssuerLink link) {
        return new IssuerLinks(Map.of(), link);
    }

    /** A link per network named, and {@code shared} (or none, if null) for the others. */
    public static IssuerLinks of(Map<CardNetwork, IssuerLink> links, IssuerLink shared) {
        return new IssuerLinks(links, shared);
    }

    /** No links at all: every card request is refused as unroutable (a switch without card rails). */
    public static IssuerLinks none() {
        return new IssuerLinks(Map.of(), null);
    }

    public Optional<IssuerLink> linkFor(CardNetwork network) {
        return Optional.ofNullable(byNetwork.getOrDefault(network, shared));
    }

    /** Sends {@code request} on {@code network}'s link; fails with {@link IssuerLinkException} if it has none. */
    public CompletableFuture<CardMessage> send(CardNetwork network, CardMessage request) {
        return linkFor(network).map(link -> link.send(request)).orElseGet(() -> CompletableFuture.failedFuture(
                new IssuerLinkException(IssuerLinkException.Reason.LINK_NOT_UP, "no link to the " + network + " network")));
    }

    /** Every distinct link, for start-up, health and shutdown. */
    public List<IssuerLink> all() {
        List<IssuerLink> all = new ArrayList<>(byNetwork.values());
        if (shared != null) all.add(shared);
        return all.stream().distinct().toList();
    }

    @Override
    public void close() {
        for (IssuerLink link : all()) link.close();
    }
}
