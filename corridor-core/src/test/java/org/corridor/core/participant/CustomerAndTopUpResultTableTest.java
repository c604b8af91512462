package org.corridor.core.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.ParticipantOperations.CustomerResult;
import org.corridor.core.participant.ParticipantOperations.TopUpResult;
import org.corridor.core.payment.TransferCodes;
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The result tables of {@link ParticipantOperations#createCustomer} and {@link ParticipantOperations#topUp}:
 * one line per result, first check to last. A refusal opens no account, moves no money, writes nothing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CustomerAndTopUpResultTableTest {
    private static final String NEW_CUSTOMER = "cus_erin";

    record Line<R extends Enum<R>, V>(R expected, String scenario, Function<SwitchFixture, Outcome<R, V>> command) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static Line<CustomerResult, Customer> customer(CustomerResult expected, String scenario, String owner,
            List<String> currencies) {
        return customer(expected, scenario, owner, currencies, "");
    }

    private static Line<CustomerResult, Customer> customer(CustomerResult expected, String scenario, String owner,
            List<String> currencies, String kycTier) {
        return new Line<>(expected, scenario, f -> ParticipantOperations.createCustomer(f.state(), owner, NEW_CUSTOMER,
                "Erin", currencies, Map.of("segment", "retail"), kycTier));
    }

    private static Line<TopUpResult, TopUp> topUp(TopUpResult expected, String scenario, String owner, String customer,
            long amount, String currency) {
        return new Line<>(expected, scenario, f -> ParticipantOperations.topUp(f.state(), owner,
                ObjectIds.of("tu_", new Id128(0x70, 1)), customer, amount, currency));
    }

    /**
     * A top-up of {@link SwitchFixture#WALLET} with its USD funding capped {@code beyondCap} units short of what the
     * top-up needs; the cap is set in an earlier batch, so the step sees the top-up alone.
     */
    private static Line<TopUpResult, TopUp> capped(TopUpResult expected, String scenario, long beyondCap) {
        return new Line<>(expected, scenario, f -> {
            long owed = -NetDebitCaps.position(f.account(f.participantAccount(WALLET, USD)));
            assertThat(NetDebitCaps.set(f.state(), WALLET, USD, owed + 2_500 - beyondCap).ok()).isTrue();
            f.drain();
            return ParticipantOperations.topUp(f.state(), WALLET, ObjectIds.of("tu_", new Id128(0x70, 1)), ALICE,
                    2_500, USD);
        });
    }

    static final List<Line<CustomerResult, Customer>> CUSTOMERS = List.of(
            customer(CustomerResult.OK, "a wallet provider's customer in both its currencies", WALLET, List.of(USD, JPY)),
            customer(CustomerResult.OK, "in one of them", WALLET, List.of(JPY)),
            customer(CustomerResult.OK, "without any currency yet", WALLET, List.of()),
            customer(CustomerResult.NOT_A_WALLET_PROVIDER, "by a merchant", MERCHANT, List.of(USD)),
            customer(CustomerResult.NOT_A_WALLET_PROVIDER, "by the operator", ParticipantOperations.OPERATOR_ID,
                    List.of(USD)),
            customer(CustomerResult.CURRENCY_NOT_SUPPORTED, "a currency its provider does not work in", WALLET,
                    List.of(USD, EUR)),
            customer(CustomerResult.CURRENCY_NOT_SUPPORTED, "another provider's currency", OTHER_WALLET, List.of(JPY)),
            customer(CustomerResult.CURRENCY_NOT_SUPPORTED, "a code that is no currency", WALLET, List.of("ZZZ")),
            customer(CustomerResult.NOT_A_WALLET_PROVIDER, "precedence: a merchant, in a currency it lacks", MERCHANT,
                    List.of(EUR)),
            customer(CustomerResult.OK, "in one of its provider's KYC tiers", WALLET, List.of(USD), SwitchFixture.TIER_BASIC),
            customer(CustomerResult.CURRENCY_NOT_SUPPORTED, "precedence: a currency it lacks, in an unknown tier", WALLET,
                    List.of(EUR), "gold"),
            customer(CustomerResult.KYC_TIER_UNKNOWN, "a tier its provider never defined", WALLET, List.of(USD), "gold"),
            customer(CustomerResult.KYC_TIER_UNKNOWN, "another provider's tier", OTHER_WALLET, List.of(USD),
                    SwitchFixture.TIER_BASIC));

    static final List<Line<TopUpResult, TopUp>> TOP_UPS = List.of(
            topUp(TopUpResult.OK, "a provider funds its customer", WALLET, ALICE, 2_500, USD),
            topUp(TopUpResult.OK, "in the customer's other currency", WALLET, ALICE, 2_500, JPY),
            topUp(TopUpResult.OK, "one minor unit", OTHER_WALLET, BOB, 1, USD),
            topUp(TopUpResult.CUSTOMER_NOT_FOUND, "a customer id that names no customer", WALLET, "cus_nobody", 1, USD),
            topUp(TopUpResult.CUSTOMER_NOT_FOUND, "another provider's customer", WALLET, BOB, 1, USD),
            topUp(TopUpResult.CUSTOMER_NOT_FOUND, "a merchant", MERCHANT, ALICE, 1, USD),
            topUp(TopUpResult.CURRENCY_NOT_SUPPORTED, "a currency the customer has no balance in", WALLET, DAVE, 1, JPY),
            topUp(TopUpResult.CURRENCY_NOT_SUPPORTED, "a currency no one works in", WALLET, ALICE, 1, EUR),
            capped(TopUpResult.NET_DEBIT_CAP_EXCEEDED, "one unit past the provider's cap", 1),
            capped(TopUpResult.OK, "up to the provider's cap exactly", 0),
            topUp(TopUpResult.LEDGER_REFUSED, "an amount of zero", WALLET, ALICE, 0, USD),
            topUp(TopUpResult.LEDGER_REFUSED, "a negative amount", WALLET, ALICE, -1, USD),
            topUp(TopUpResult.CUSTOMER_NOT_FOUND, "precedence: another provider's customer, in a currency it lacks",
                    WALLET, BOB, 1, JPY),
            topUp(TopUpResult.CURRENCY_NOT_SUPPORTED, "precedence: a currency it lacks, for zero", WALLET, DAVE, 0, JPY));

    static Stream<Line<CustomerResult, Customer>> customers() {
        return CUSTOMERS.stream();
    }

    static Stream<Line<TopUpResult, TopUp>> topUps() {
        return TOP_UPS.stream();
    }

    @Test
    void theTablesWalkEveryResultInDeclarationOrder() {
        assertThat(CUSTOMERS.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(CustomerResult.values()));
        assertThat(TOP_UPS.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(TopUpResult.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customers")
    void eachCustomerLineGetsItsResult(Line<CustomerResult, Customer> line) {
        SwitchFixture f = new SwitchFixture();
        SwitchFixture.Step<Outcome<CustomerResult, Customer>> step = f.step(() -> line.command().apply(f));

        assertThat(step.value().result()).isEqualTo(line.expected());
        assertThat(f.auditViolations()).isEmpty();
        if (!step.value().ok()) {
            assertThat(step.changes().isEmpty()).as("a refusal changes nothing: %s", step.changes()).isTrue();
            assertThat(f.state().find(RecordKind.CUSTOMER, NEW_CUSTOMER, Customer.class)).isEmpty();
            return;
        }
        Customer customer = step.value().value();
        assertThat(customer.id()).isEqualTo(NEW_CUSTOMER);
        assertThat(customer.ownerId()).isEqualTo(WALLET);
        assertThat(customer.createdAt()).isEqualTo(f.now());
        assertThat(customer.metadata()).containsEntry("segment", "retail");
        assertThat(f.customer(NEW_CUSTOMER)).isEqualTo(customer);
        List<Account> opened = step.changes().ledger().accountsCreated();
        assertThat(opened).hasSize(customer.accounts().size());
        for (Account account : opened) {
            assertThat(account.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)).as("a balance never goes below zero")
                    .isTrue();
            assertThat(account.code()).isEqualTo(Customer.BALANCE_ACCOUNT_CODE);
        }
        customer.accounts().forEach((currency, id) -> assertThat(f.account(id).ledger())
                .isEqualTo(Currencies.ledger(currency)));
        assertThat(step.changes().ledger().transfersCreated()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topUps")
    void eachTopUpLineGetsItsResult(Line<TopUpResult, TopUp> line) {
        SwitchFixture f = new SwitchFixture();
        SwitchFixture.Step<Outcome<TopUpResult, TopUp>> step = f.step(() -> line.command().apply(f));

        assertThat(step.value().result()).isEqualTo(line.expected());
        assertThat(f.auditViolations()).isEmpty();
        if (!step.value().ok()) {
            assertThat(step.changes().isEmpty()).as("a refusal changes nothing: %s", step.changes()).isTrue();
            assertThat(f.accounts()).isEqualTo(step.accountsBefore());
            assertThat(step.value().value()).isNull();
            return;
        }
        TopUp topUp = step.value().value();
        Id128 balance = f.customerAccount(topUp.customerId(), topUp.currency());
        Id128 funding = f.participantAccount(topUp.ownerId(), topUp.currency());
        assertThat(f.posted(balance) - step.accountsBefore().get(balance).creditBalancePosted())
                .isEqualTo(topUp.amountMinor());
        assertThat(f.posted(funding) - step.accountsBefore().get(funding).creditBalancePosted())
                .isEqualTo(-topUp.amountMinor());
        assertThat(step.changes().ledger().transfersCreated()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(topUp.transferId());
            assertThat(t.code()).isEqualTo(TransferCodes.TOP_UP);
            assertThat(t.debitAccountId()).isEqualTo(funding);
            assertThat(t.creditAccountId()).isEqualTo(balance);
            assertThat(t.amount()).isEqualTo(topUp.amountMinor());
        });
        assertThat(f.state().find(RecordKind.TOP_UP, topUp.id(), TopUp.class)).contains(topUp);
        List<Event> events = SwitchFixture.events(step.changes());
        assertThat(events).extracting(Event::type).containsExactly(EventTypes.CUSTOMER_TOPPED_UP);
        assertThat(events.getFirst().ownerId()).isEqualTo(topUp.ownerId());
        assertThat(events.getFirst().object()).isEqualTo(topUp);
        assertThat(SwitchFixture.deliveries(step.changes())).as("the providers have no endpoints").isEmpty();
    }

    @Test
    void aTopUpThatWouldOverflowTheBalanceIsRefusedAndBurnsItsTransferId() {
        SwitchFixture f = new SwitchFixture();
        SwitchFixture.Step<Outcome<TopUpResult, TopUp>> step = f.step(() -> ParticipantOperations.topUp(f.state(),
                WALLET, "tu_overflow", ALICE, Long.MAX_VALUE, USD));

        assertThat(step.value().result()).isEqualTo(TopUpResult.LEDGER_REFUSED);
        assertThat(step.changes().records()).isEmpty();
        assertThat(step.changes().ledger().transfersCreated()).isEmpty();
        assertThat(step.changes().ledger().transfersFailed()).hasSize(1);
        assertThat(f.accounts()).isEqualTo(step.accountsBefore());
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void aTopUpIsBookedWithTheTopUpsNumberAsUserData() {
        SwitchFixture f = new SwitchFixture();
        String id = ObjectIds.of("tu_", new Id128(0x70, 9));

        TopUp topUp = ParticipantOperations.topUp(f.state(), WALLET, id, ALICE, 10, USD).value();

        Transfer transfer = f.state().ledger().transfer(topUp.transferId()).orElseThrow();
        assertThat(transfer.userData()).isEqualTo(new Id128(0x70, 9));
        assertThat(transfer.ledger()).isEqualTo(840);
    }
}
