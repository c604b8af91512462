package org.corridor.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.settlement.SettlementWindows.CloseResult;
import org.corridor.core.settlement.SettlementWindows.SettleResult;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settlement windows on the writer: the close and settle result tables in precedence order, then one worked USD
 * example to the cent (a payment with its fee, a refund, the fixture's top-ups), its settlement, and the window
 * after it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SettlementWindowsTest {
    private static final String OPERATOR = ParticipantOperations.OPERATOR_ID;

    record Line<R extends Enum<R>>(R expected, String scenario,
            Function<SwitchFixture, Outcome<R, SettlementWindow>> command) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static String openWindow(SwitchFixture f) {
        return SettlementWindows.open(f.state(), USD).id();
    }

    private static String closedWindow(SwitchFixture f) {
        return SettlementWindows.close(f.state(), openWindow(f)).value().id();
    }

    private static String settledWindow(SwitchFixture f) {
        return SettlementWindows.settle(f.state(), closedWindow(f)).value().id();
    }

    static final List<Line<CloseResult>> CLOSES = List.of(
            new Line<>(CloseResult.OK, "the open window", f -> SettlementWindows.close(f.state(), openWindow(f))),
            new Line<>(CloseResult.WINDOW_NOT_FOUND, "an id that names no window",
                    f -> SettlementWindows.close(f.state(), "sw_nothing")),
            new Line<>(CloseResult.WINDOW_NOT_OPEN, "a closed window",
                    f -> SettlementWindows.close(f.state(), closedWindow(f))),
            new Line<>(CloseResult.WINDOW_NOT_OPEN, "a settled window",
                    f -> SettlementWindows.close(f.state(), settledWindow(f))));

    static final List<Line<SettleResult>> SETTLES = List.of(
            new Line<>(SettleResult.OK, "a closed window", f -> SettlementWindows.settle(f.state(), closedWindow(f))),
            new Line<>(SettleResult.WINDOW_NOT_FOUND, "an id that names no window",
                    f -> SettlementWindows.settle(f.state(), "sw_nothing")),
            new Line<>(SettleResult.WINDOW_ALREADY_SETTLED, "a settled window, a second time",
                    f -> SettlementWindows.settle(f.state(), settledWindow(f))),
            new Line<>(SettleResult.WINDOW_NOT_CLOSED, "the open window",
                    f -> SettlementWindows.settle(f.state(), openWindow(f))));

    static Stream<Line<CloseResult>> closes() {
        return CLOSES.stream();
    }

    static Stream<Line<SettleResult>> settles() {
        return SETTLES.stream();
    }

    @Test
    void theTablesWalkEveryResultInDeclarationOrder() {
        assertThat(CLOSES.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(CloseResult.values()));
        assertThat(SETTLES.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(SettleResult.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closes")
    void eachCloseLineGetsItsResult(Line<CloseResult> line) {
        SwitchFixture f = new SwitchFixture();
        Outcome<CloseResult, SettlementWindow> outcome = line.command().apply(f);
        assertThat(outcome.result()).isEqualTo(line.expected());
        assertThat(SettlementAudit.violations(f.state())).isEmpty();
        if (!outcome.ok()) return;
        assertThat(outcome.value().status()).isEqualTo(WindowStatus.CLOSED);
        assertThat(SettlementWindows.openOf(f.state(), USD)).as("closing opens the next window").isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settles")
    void eachSettleLineGetsItsResult(Line<SettleResult> line) {
        SwitchFixture f = new SwitchFixture();
        Outcome<SettleResult, SettlementWindow> outcome = line.command().apply(f);
        assertThat(outcome.result()).isEqualTo(line.expected());
        assertThat(SettlementAudit.violations(f.state())).isEmpty();
        if (outcome.ok()) assertThat(outcome.value().status()).isEqualTo(WindowStatus.SETTLED);
        if (outcome.result() == SettleResult.WINDOW_ALREADY_SETTLED) {
            assertThat(settlementTransfers(f)).as("settling twice books nothing more")
                    .hasSize(outcome.value().transferIds().size());
        }
    }

    @Test
    void aWindowNetsEveryParticipantToTheCentAndSettlingZeroesTheirAccounts() {
        SwitchFixture f = new SwitchFixture();
        SettlementWindow first = SettlementWindows.open(f.state(), USD);
        PaymentIntent paid = f.paid(10_000, USD, ALICE);
        assertThat(PaymentOperations.refund(f.state(), MERCHANT, "re_1", paid.id(), 1_000, "", Map.of()).ok()).isTrue();

        SettlementWindow closed = SettlementWindows.close(f.state(), first.id()).value();

        assertThat(closed.coversAfter()).isZero();
        assertThat(closed.coversThrough()).isEqualTo(f.state().ledger().lastTimestamp());
        assertThat(nets(closed)).containsExactlyInAnyOrderEntriesOf(Map.of(
                MERCHANT, 10_000L - 290 - 1_000, OPERATOR, 290L, WALLET, -105_000L, OTHER_WALLET, -70_000L));
        NetPosition merchant = closed.positionOf(MERCHANT).orElseThrow();
        assertThat(merchant).isEqualTo(new NetPosition(MERCHANT, f.participantAccount(MERCHANT, USD), 1_290, 10_000,
                -290, -1_000));
        assertThat(merchant.grossMinor()).isEqualTo(10_000);
        assertThat(closed.customersMinor()).isEqualTo(100_000 + 5_000 + 70_000 - 10_000 + 1_000);
        assertThat(closed.houseMinor()).isZero();
        assertThat(closed.participantsNetMinor() + closed.customersMinor()).isZero();
        SettlementWindow second = SettlementWindows.openOf(f.state(), USD).orElseThrow();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.coversAfter()).isEqualTo(closed.coversThrough());

        SettlementWindow settled = SettlementWindows.settle(f.state(), closed.id()).value();

        assertThat(settled.transferIds()).hasSize(4);
        for (String participant : List.of(MERCHANT, OPERATOR, WALLET, OTHER_WALLET)) {
            assertThat(f.posted(f.participantAccount(participant, USD))).as(participant).isZero();
        }
        assertThat(f.posted(settled.settlementAccountId())).isEqualTo(-closed.customersMinor());
        Transfer payout = f.state().ledger().transfer(settled.transferIds().get(nets(closed).keySet().stream()
                .sorted().toList().indexOf(MERCHANT))).orElseThrow();
        assertThat(payout.debitAccountId()).isEqualTo(f.participantAccount(MERCHANT, USD));
        assertThat(payout.creditAccountId()).isEqualTo(settled.settlementAccountId());
        assertThat(payout.amount()).isEqualTo(8_710);

        f.paid(5_000, USD, DAVE);
        SettlementWindow next = SettlementWindows.close(f.state(), second.id()).value();
        assertThat(nets(next)).as("the settlement transfers belong to no window")
                .containsExactlyInAnyOrderEntriesOf(Map.of(MERCHANT, 5_000L - 145, OPERATOR, 145L));
        assertThat(next.settlementAccountId()).isEqualTo(closed.settlementAccountId());
        assertThat(SettlementAudit.violations(f.state())).isEmpty();
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void theAuditFindsASettledWindowWhoseTransfersDoNotSettleItsNets() {
        SwitchFixture f = new SwitchFixture();
        SettlementWindow settled = SettlementWindows.settle(f.state(), closedWindow(f)).value();
        assertThat(SettlementAudit.violations(f.state())).isEmpty();
        List<Id128> swapped = new ArrayList<>(settled.transferIds());
        Collections.swap(swapped, 0, 1);
        f.state().put(RecordKind.SETTLEMENT_WINDOW, settled.id(),
                settled.settled(swapped, settled.settledAt()));
        assertThat(SettlementAudit.violations(f.state())).hasSize(2);
    }

    @Test
    void openingMissingWindowsCoversEveryCurrencyInUseOnce() {
        SwitchFixture f = new SwitchFixture();
        assertThat(SettlementWindows.openMissing(f.state())).isEqualTo(2);
        assertThat(SettlementWindows.openMissing(f.state())).isZero();
        assertThat(SettlementWindows.open(f.state(), USD)).isEqualTo(SettlementWindows.openOf(f.state(), USD).orElseThrow());
    }

    @Test
    void aScheduledCloseSkipsACurrencyThatDidNotMove() {
        SwitchFixture f = new SwitchFixture();
        SettlementWindows.openMissing(f.state());
        assertThat(SettlementWindows.closeAllMoved(f.state(), null)).extracting(SettlementWindow::currency)
                .containsExactlyInAnyOrder("USD", "JPY");
        f.paid(1_000, USD, ALICE);
        assertThat(SettlementWindows.closeAllMoved(f.state(), null)).extracting(SettlementWindow::currency)
                .containsExactly(USD);
    }

    private static Map<String, Long> nets(SettlementWindow window) {
        return window.positions().stream().collect(Collectors.toMap(NetPosition::participantId, NetPosition::netMinor));
    }

    private static List<Id128> settlementTransfers(SwitchFixture f) {
        return f.state().ledger().transfers().stream().filter(t -> t.code() == SettlementWindows.TRANSFER_CODE)
                .map(Transfer::id).toList();
    }
}
