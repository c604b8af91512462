package org.corridor.app.wallet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import org.corridor.sim.wallet.ApiReply;
import org.corridor.sim.wallet.ApiTransport;
import tools.jackson.databind.JsonNode;

/**
 * The issuer simulator's banks as its control interface lists them ({@code GET /banks}), matched against the banks
 * this build generates from the same seed, so that the card numbers made here belong to the simulator's banks.
 *
 * @param banks the banks regenerated from the directory's seed
 * @param downBankIds the banks the directory marks down: no cards are taken from them
 */
record BankDirectory(SimulatedBanks banks, Set<String> downBankIds) {
    /** The most banks accepted from a directory. */
    static final int BANKS_MAX = SimulatedBanks.BANKS_MAX;

    /**
     * Reads the directory.
     *
     * @throws IOException if the control interface cannot be reached or answers anything but a directory
     * @throws IllegalStateException if its banks are not the ones this build generates from its seed
     */
    static BankDirectory read(ApiTransport control) throws IOException {
        ApiReply reply = control.get("/banks", null);
        if (!reply.ok()) throw new IOException("GET /banks answered " + reply.status());
        return parse(reply.body());
    }

    static BankDirectory parse(JsonNode body) throws IOException {
        JsonNode seed = body.path("seed");
        JsonNode listed = body.path("banks");
        if (!seed.canConvertToLong() || !listed.isArray() || listed.isEmpty() || listed.size() > BANKS_MAX) {
            throw new IOException("GET /banks did not answer a seed and 1 to " + BANKS_MAX + " banks");
        }
        SimulatedBanks banks = SimulatedBanks.generate(seed.asLong(), listed.size());
        Set<String> down = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            JsonNode entry = listed.get(i);
            SimulatedBank generated = banks.all().get(i);
            List<String> bins = new ArrayList<>();
            entry.path("bins").forEach(bin -> bins.add(text(bin)));
            if (!generated.id().equals(text(entry.path("id"))) || !generated.bins().equals(bins)
                    || !generated.currency().getCurrencyCode().equals(text(entry.path("currency")))) {
                throw new IllegalStateException("bank " + (i + 1) + " of the directory is not the one seed "
                        + seed.asLong() + " generates here; are the issuer simulator and this command the same version?");
            }
            if (entry.path("down").isBoolean() && entry.path("down").booleanValue()) down.add(generated.id());
        }
        return new BankDirectory(banks, Set.copyOf(down));
    }

    /** The string in {@code node}, or an empty string if it holds none. */
    static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }
}
