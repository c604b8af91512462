package org.corridor.app.wallet;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.corridor.sim.wallet.ApiTransport;
import org.corridor.sim.wallet.IdempotencyKeys;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TestCards;
import org.corridor.sim.wallet.WalletApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corridor wallet-sim}: enrols seeded test cards onto simulated phones through a running node and pays with
 * them, then prints what happened. Exits 0 when the run completed (declines included), 1 when the node or the issuer
 * simulator could not be reached or the operator onboarding failed, 2 on a usage error.
 */
@Command(name = "wallet-sim", mixinStandardHelpOptions = true,
        description = "Enrol seeded test cards as device tokens on simulated phones and pay with them through a running node.")
public final class WalletSimCommand implements Callable<Integer> {
    /** The most cards one run enrols. */
    static final int CARDS_MAX = 10_000;
    /** The most payments one run makes. */
    static final int PAYMENTS_MAX = 1_000_000;
    /** The smallest payment, in minor units of the card's currency. */
    static final long AMOUNT_MINOR_MIN = 100;
    /** The largest payment, in minor units: below the smallest simulated opening balance, so most are approved. */
    static final long AMOUNT_MINOR_MAX = 4_999;
    /** How long opening a connection to the node or the simulator may take. */
    static final long CONNECT_TIMEOUT_MS = 2_000;
    /** How long one call may take; a confirm waits for the issuer's answer, so this is generous. */
    static final long REQUEST_TIMEOUT_MS = 15_000;
    /** The longest operator key file read. */
    static final int OPERATOR_KEY_BYTES_MAX = 1_024;

    @Spec
    CommandSpec spec;

    @Option(names = "--api", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "The node's API (default ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--operator-key-file", paramLabel = "FILE", defaultValue = "data/operator-key",
            description = "File holding the operator API key, as `corridor serve` writes it (default ${DEFAULT-VALUE}).")
    Path operatorKeyFile;

    @Option(names = "--issuer-sim-control", paramLabel = "URL", defaultValue = "http://127.0.0.1:8584",
            description = "The issuer simulator's control interface, for its bank directory (default ${DEFAULT-VALUE}).")
    URI issuerSimControl;

    @Option(names = "--cards", defaultValue = "20", description = "Cards to enrol (default ${DEFAULT-VALUE}).")
    int cards;

    @Option(names = "--payments", defaultValue = "100", description = "Payments to make (default ${DEFAULT-VALUE}).")
    int payments;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the payment mix, amounts and unpredictable numbers (default ${DEFAULT-VALUE}); "
                    + "the cards come from the issuer simulator's own seed.")
    long seed;

    @Override
    public Integer call() {
        if (cards < 1 || cards > CARDS_MAX) return usageError("--cards must be 1 to " + CARDS_MAX);
        if (payments < 0 || payments > PAYMENTS_MAX) return usageError("--payments must be 0 to " + PAYMENTS_MAX);
        String operatorKey;
        try {
            operatorKey = readOperatorKey(operatorKeyFile);
        } catch (IOException | IllegalArgumentException unreadable) {
            return usageError("cannot read the operator key from " + operatorKeyFile + ": " + unreadable.getMessage());
        }
        // A fresh prefix per run: with the seed alone, a second run would get the first run's stored answers back.
        IdempotencyKeys keys = IdempotencyKeys.withPrefix("wallet-sim-" + seed + "-" + runId());
        ApiTransport node;
        ApiTransport control;
        try {
            node = ApiTransport.create(api, timeout(CONNECT_TIMEOUT_MS), timeout(REQUEST_TIMEOUT_MS), keys);
            control = ApiTransport.create(issuerSimControl, timeout(CONNECT_TIMEOUT_MS), timeout(REQUEST_TIMEOUT_MS),
                    keys);
        } catch (IllegalArgumentException badUrl) {
            return usageError(badUrl.getMessage());
        }
        BankDirectory directory;
        try {
            directory = BankDirectory.read(control);
        } catch (IOException | IllegalStateException unreachable) {
            return failure("cannot read the bank directory at " + issuerSimControl + ": " + unreachable.getMessage());
        }
        List<TestCard> chosen = TestCards.spread(directory.banks(), cards,
                bank -> !directory.downBankIds().contains(bank.id()));
        TreeSet<Currency> currencies = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
        chosen.forEach(card -> currencies.add(card.bank().currency()));
        out().printf("Wallet simulator: %d banks (seed %d, %d down), %d cards in %d currencies, %d payments, "
                + "against %s%n", directory.banks().all().size(), directory.banks().seed(),
                directory.downBankIds().size(), chosen.size(), currencies.size(), payments, node.base());

        SimTally tally = new SimTally();
        try {
            SimParties parties = new Onboarding(node, operatorKey, "Wallet Sim").run(directory.banks().all(), currencies);
            out().printf("Onboarded: issuers %d created, %d present, %d refused; 1 wallet provider; "
                    + "%d merchants%n", parties.issuersCreated(), parties.issuersPresent(), parties.issuersRefused(),
                    parties.merchants().size());
            WalletApiClient client = new WalletApiClient(node);
            List<PhoneCard> enrolled = new CardEnrolment(client, parties.walletProviderKey(), "wallet-sim-phone", seed)
                    .enrol(chosen, tally::enrolled);
            pay(new ScenarioRunner(client, parties), enrolled, tally);
        } catch (IOException unreachable) {
            tally.print(out());
            return failure("the node at " + api + " became unreachable: " + unreachable.getMessage());
        } catch (IllegalStateException onboardingFailed) {
            return failure(onboardingFailed.getMessage());
        }
        tally.print(out());
        out().flush();
        return 0;
    }

    private void pay(ScenarioRunner runner, List<PhoneCard> enrolled, SimTally tally) throws IOException {
        if (enrolled.isEmpty()) {
            if (payments > 0) out().println("No card was provisioned: no payments made.");
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < payments; p++) {
            PhoneCard card = enrolled.get(random.nextInt(enrolled.size()));
            PaymentScenario scenario = PaymentScenario.pick(random);
            long amount = Math.min(random.nextLong(AMOUNT_MINOR_MIN, AMOUNT_MINOR_MAX + 1),
                    card.card().bank().transactionLimitMinor());
            tally.paid(card, runner.run(scenario, card, amount));
        }
    }

    static String readOperatorKey(Path file) throws IOException {
        if (Files.size(file) > OPERATOR_KEY_BYTES_MAX) {
            throw new IllegalArgumentException("the file is over " + OPERATOR_KEY_BYTES_MAX + " bytes");
        }
        String key = Files.readString(file).strip();
        if (key.isEmpty()) throw new IllegalArgumentException("the file is empty");
        return key;
    }

    private static String runId() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Duration timeout(long millis) {
        return Duration.ofMillis(millis);
    }

    // Picocli's writers rather than System.out, so that a test can read what was printed.
    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private int usageError(String message) {
        spec.commandLine().getErr().println("corridor wallet-sim: " + message);
        return 2;
    }

    private int failure(String message) {
        out().flush();
        spec.commandLine().getErr().println("corridor wallet-sim: " + message);
        return 1;
    }
}
