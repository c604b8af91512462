package org.corridor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the trie against the simplest correct model, a linear scan for the longest matching prefix, on
 * seeded random routes (many nested in one another) and seeded random PANs (many under a route).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinRoutingTableModelTest {
    private static final int PANS = 10_000;
    private static final int ROUTES = 600;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20_261_128, 7_654_321})
    void theTableAgreesWithALinearScanForEveryPan(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BinRoute> routes = routes(random);
        BinRoutingTable table = BinRoutingTable.of(routes);
        int routed = 0;

        for (int i = 0; i < PANS; i++) {
            String pan = pan(random, routes);
            Optional<BinRoute> expected = longestByScan(routes, pan);
            assertThat(table.route(pan)).as("seed %d, PAN number %d", seed, i).isEqualTo(expected);
            if (expected.isPresent()) routed++;
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        assertThat(routed).as("seed %d", seed).isBetween(PANS / 4, PANS - PANS / 10);
    }

    private static Optional<BinRoute> longestByScan(List<BinRoute> routes, String pan) {
        BinRoute longest = null;
        for (BinRoute route : routes) {
            if (pan.startsWith(route.prefix())
                    && (longest == null || route.prefix().length() > longest.prefix().length())) {
                longest = route;
            }
        }
        return Optional.ofNullable(longest);
    }

    private static List<BinRoute> routes(SplittableRandom random) {
        List<BinRoute> routes = new ArrayList<>();
        Set<String> prefixes = new HashSet<>();
        while (routes.size() < ROUTES) {
            String prefix;
            if (!routes.isEmpty() && random.nextInt(2) == 0) {
                // Nest under an existing route, so that longest-prefix matching is put to the test.
                String shorter = routes.get(random.nextInt(routes.size())).prefix();
                if (shorter.length() == BinRoute.PREFIX_DIGITS_MAX) continue;
                int length = random.nextInt(shorter.length() + 1, BinRoute.PREFIX_DIGITS_MAX + 1);
                prefix = extend(random, shorter, length);
            } else {
                int length = random.nextInt(BinRoute.PREFIX_DIGITS_MIN, BinRoute.PREFIX_DIGITS_MAX + 1);
                prefix = extend(random, networkStart(random), length);
            }
            if (!prefixes.add(prefix)) continue;
            CardNetwork network = CardNetwork.ofPan(prefix).orElseThrow();
            routes.add(new BinRoute(prefix, network, "link-" + routes.size()));
        }
        return routes;
    }

    /** Leading digits inside one of the networks' ranges, chosen among few so that routes cluster. */
    private static String networkStart(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> "4" + random.nextInt(3);
            case 1 -> "5" + random.nextInt(1, 6);
            case 2 -> Integer.toString(random.nextInt(2221, 2721));
            default -> "62";
        };
    }

    private static String pan(SplittableRandom random, List<BinRoute> routes) {
        int length = random.nextInt(12, CardNetwork.PAN_DIGITS_MAX + 1);
        return switch (random.nextInt(3)) {
            case 0 -> extend(random, routes.get(random.nextInt(routes.size())).prefix(), length);
            case 1 -> extend(random, networkStart(random), length);
            default -> extend(random, "", length);
        };
    }

    private static String extend(SplittableRandom random, String start, int length) {
        StringBuilder digits = new StringBuilder(start);
        while (digits.length() < length) digits.append((char) ('0' + random.nextInt(10)));
        return digits.toString();
    }
}
