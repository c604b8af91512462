package org.corridor.sim.issuer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.codec.card.Luhn;
import org.corridor.core.Check;

/**
 * The simulated banks and their cardholder accounts, generated deterministically from a seed.
 *
 * <p>Banks are spread round-robin over Visa, Mastercard and UnionPay; each gets one to three BINs of 6 or 8
 * digits, none equal to or a prefix of another, so the longest-prefix lookup finds exactly one bank. An
 * account appears the first time a PAN of a known BIN is used, with a balance drawn from the seed and the PAN,
 * unless a test opened it first with {@link #openAccount}. Accounts live in memory only.
 */
public final class SimulatedBanks {
    /** How many banks a simulator hosts when not told otherwise. */
    public static final int BANKS_DEFAULT = 250;
    /** The most banks one simulator hosts: a bound on the BIN table and the generation loop. */
    public static final int BANKS_MAX = 5_000;
    /** The most cardholder accounts kept in memory before new PANs are refused. */
    public static final int ACCOUNTS_MAX = 1_000_000;
    /** The smallest generated opening balance, in minor units. */
    public static final long OPENING_BALANCE_MINOR_MIN = 10_000;
    /** The largest generated opening balance, in minor units. */
    public static final long OPENING_BALANCE_MINOR_MAX = 5_000_000;

    private static final List<Currency> CURRENCIES = List.of(
            "USD", "EUR", "GBP", "JPY", "CNY", "INR", "KES", "NGN", "PHP", "MXN", "BRL", "ZAR", "AED", "SGD",
            "KRW", "BHD", "CAD", "AUD", "THB", "GHS").stream().map(Currency::getInstance).toList();
    private static final List<String> NAME_FIRST = List.of(
            "Harbour", "Summit", "Meridian", "Cedar", "Atlas", "Coral", "Granite", "Lotus", "Northern", "Silver",
            "Union", "Pioneer", "Crescent", "Delta", "Evergreen", "Falcon");
    private static final List<String> NAME_SECOND = List.of(
            "Trust", "Savings", "Commercial", "Merchant", "Cooperative", "Federal", "Mutual", "Capital");
    private static final int BIN_ATTEMPTS_MAX = 1_000;

    private final long seed;
    private final List<SimulatedBank> generated;
    private final Map<String, SimulatedBank> banksById = new ConcurrentHashMap<>();
    private final Map<String, String> bankIdsByBin;
    private final Set<String> banksDown = ConcurrentHashMap.newKeySet();
    private final Map<String, CardholderAccount> accountsByPan = new ConcurrentHashMap<>();

    private SimulatedBanks(long seed, List<SimulatedBank> banks) {
        this.seed = seed;
        this.generated = List.copyOf(banks);
        Map<String, String> byBin = new HashMap<>();
        for (SimulatedBank bank : banks) {
            banksById.put(bank.id(), bank);
            for (String bin : bank.bins()) byBin.put(bin, bank.id());
        }
        this.bankIdsByBin = Map.copyOf(byBin);
    }

    /** {@code count} banks generated from {@code seed}; the same arguments give the same banks. */
    public static SimulatedBanks generate(long seed, int count) {
        Check.that(count >= 1 && count <= BANKS_MAX, "bank count is 1 to " + BANKS_MAX);
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> bins = new HashSet<>();
        List<SimulatedBank> banks = new ArrayList<>(count);
        CardNetwork[] networks = CardNetwork.values();
        for (int i = 0; i < count; i++) {
            CardNetwork network = networks[i % networks.length];
            int binCount = 1 + random.nextInt(3);
            List<String> bankBins = new ArrayList<>(binCount);
            for (int b = 0; b < binCount; b++) bankBins.add(freshBin(random, network, bins));
            String name = NAME_FIRST.get(random.nextInt(NAME_FIRST.size())) + " "
                    + NAME_SECOND.get(random.nextInt(NAME_SECOND.size())) + " Bank " + (i + 1);
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            long limitMinor = 100_000L * (1 + random.nextInt(50));
            int declinePerMille = random.nextInt(21);
            banks.add(new SimulatedBank(String.format("bank-%03d", i + 1), name, network, bankBins, currency,
                    limitMinor, declinePerMille));
        }
        return new SimulatedBanks(seed, banks);
    }

    private static String freshBin(SplittableRandom random, CardNetwork network, Set<String> taken) {
        for (int attempt = 0; attempt < BIN_ATTEMPTS_MAX; attempt++) {
            String bin = candidateBin(random, network, random.nextInt(4) == 0 ? 8 : 6);
            if (!overlaps(bin, taken)) {
                taken.add(bin);
                return bin;
            }
        }
        throw new IllegalStateException("no free " + network + " BIN after " + BIN_ATTEMPTS_MAX + " attempts");
    }

    private static String candidateBin(SplittableRandom random, CardNetwork network, int length) {
        String prefix = switch (network) {
            case VISA -> "4";
            case MASTERCARD -> random.nextBoolean()
                    ? Integer.toString(51 + random.nextInt(5))
                    : Integer.toString(2221 + random.nextInt(500));
            case UNIONPAY -> "62";
        };
        StringBuilder bin = new StringBuilder(prefix);
        while (bin.length() < length) bin.append((char) ('0' + random.nextInt(10)));
        return bin.toString();
    }

    /** Whether {@code bin} equals, extends or is extended by a BIN already taken. */
    private static boolean overlaps(String bin, Set<String> taken) {
        if (taken.contains(bin) || taken.contains(bin.substring(0, 6))) return true;
        if (bin.length() == 6) {
            for (String other : taken) {
                if (other.startsWith(bin)) return true;
            }
        }
        return false;
    }

    /** The seed these banks were generated from. */
    public long seed() {
        return seed;
    }

    /** Every bank in generation order, with any decline ratio changed since. */
    public List<SimulatedBank> all() {
        List<SimulatedBank> banks = new ArrayList<>(generated.size());
        for (SimulatedBank bank : generated) banks.add(banksById.get(bank.id()));
        return Collections.unmodifiableList(banks);
    }

    /** The bank with this id. */
    public Optional<SimulatedBank> byId(String bankId) {
        return Optional.ofNullable(banksById.get(bankId));
    }

    /** The bank issuing this PAN by longest BIN prefix (8 digits, then 6), if any. */
    public Optional<SimulatedBank> issuerOf(String pan) {
        for (int length : new int[] {8, 6}) {
            if (pan.length() < length) continue;
            String bankId = bankIdsByBin.get(pan.substring(0, length));
            if (bankId != null) return Optional.of(banksById.get(bankId));
        }
        return Optional.empty();
    }

    /** Marks a bank unavailable (its requests are answered "91") or available again. */
    public void markDown(String bankId, boolean down) {
        requireBank(bankId);
        if (down) banksDown.add(bankId);
        else banksDown.remove(bankId);
    }

    /** Whether a bank is marked unavailable. */
    public boolean isDown(String bankId) {
        return banksDown.contains(bankId);
    }

    /** Changes how many requests in a thousand a bank declines with "05 do not honour". */
    public void setDeclinePerMille(String bankId, int perMille) {
        banksById.put(bankId, requireBank(bankId).withDeclinePerMille(perMille));
    }

    /**
     * Opens (or replaces) the account of {@code pan} with a chosen balance, for tests and demos.
     *
     * @throws IllegalArgumentException when no bank issues the PAN
     */
    public CardholderAccount openAccount(String pan, long balanceMinor) {
        if (issuerOf(pan).isEmpty()) throw new IllegalArgumentException("no simulated bank issues " + Pans.mask(pan));
        CardholderAccount account = new CardholderAccount(balanceMinor);
        accountsByPan.put(pan, account);
        return account;
    }

    /** The account of {@code pan}, opened now with a balance from the seed and the PAN if it is new. */
    public CardholderAccount account(String pan) {
        CardholderAccount existing = accountsByPan.get(pan);
        if (existing != null) return existing;
        if (issuerOf(pan).isEmpty()) throw new IllegalArgumentException("no simulated bank issues " + Pans.mask(pan));
        if (accountsByPan.size() >= ACCOUNTS_MAX) {
            throw new IllegalStateException("the simulator holds " + ACCOUNTS_MAX + " accounts already");
        }
        return accountsByPan.computeIfAbsent(pan, key -> new CardholderAccount(openingBalanceMinor(key)));
    }

    /** The balance an account opened on demand starts with: the same for the same seed and PAN. */
    public long openingBalanceMinor(String pan) {
        long span = OPENING_BALANCE_MINOR_MAX - OPENING_BALANCE_MINOR_MIN + 1;
        return OPENING_BALANCE_MINOR_MIN + Math.floorMod(Pans.mix(seed, pan), span);
    }

    /**
     * A Luhn-valid 16-digit card number of {@code bank}'s first BIN, the same for the same bank and index.
     * For tests and demos; print it masked.
     */
    public String cardNumber(SimulatedBank bank, int index) {
        Check.that(index >= 0, "a card index is not negative");
        String bin = bank.bins().getFirst();
        long digits = Math.floorMod(Pans.mix(seed ^ index, bin), 10_000_000_000L);
        String body = bin + String.format("%010d", digits).substring(0, 15 - bin.length());
        return Luhn.withCheckDigit(body);
    }

    private SimulatedBank requireBank(String bankId) {
        SimulatedBank bank = banksById.get(bankId);
        if (bank == null) throw new IllegalArgumentException("no simulated bank " + bankId);
        return bank;
    }
}
