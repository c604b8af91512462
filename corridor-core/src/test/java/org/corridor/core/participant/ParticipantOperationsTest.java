package org.corridor.core.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.corridor.core.Id128;
import org.corridor.core.InvariantViolation;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.ParticipantOperations.KeyResult;
import org.corridor.core.state.CountingIds;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.state.SwitchState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Opening participants with their ledger accounts, and their API keys. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ParticipantOperationsTest {

    private static Participant spec(String id, ParticipantRole role) {
        return new Participant(id, role, "name", "DE", EUR, 0, "", 150, Map.of(), List.of(), Map.of(), 0);
    }

    @Nested
    class Participants {
        private final SwitchFixture f = new SwitchFixture();

        @Test
        void eachParticipantGetsOneAccountPerCurrencyWithItsRolesCode() {
            Participant merchant = f.participant(MERCHANT);

            assertThat(merchant.accounts()).containsOnlyKeys(USD, JPY);
            merchant.accounts().forEach((currency, id) -> {
                Account account = f.account(id);
                assertThat(account.ledger()).isEqualTo(Currencies.ledger(currency));
                assertThat(account.code()).isEqualTo(ParticipantRole.MERCHANT.accountCode());
                assertThat(account.flags()).as("a merchant's balance may go below zero after refunds").isZero();
            });
            assertThat(f.account(f.participantAccount(WALLET, USD)).code())
                    .isEqualTo(ParticipantRole.WALLET_PROVIDER.accountCode());
        }

        @Test
        void theOperatorIsOpenedWithoutCurrenciesAndGetsAFeeAccountForEachCurrencyOthersUse() {
            Participant operator = ParticipantOperations.operator(f.state()).orElseThrow();

            assertThat(operator.accounts()).containsOnlyKeys(USD, JPY);
            operator.accounts().values().forEach(id -> assertThat(f.account(id).code())
                    .isEqualTo(ParticipantRole.OPERATOR.accountCode()));
        }

        @Test
        void aNewCurrencyOpensOnlyTheOperatorAccountItLacks() {
            Map<String, Id128> before = f.participant(ParticipantOperations.OPERATOR_ID).accounts();

            StateChanges changes = f.step(() -> ParticipantOperations.createParticipant(f.state(),
                    spec("acct_euro_merchant", ParticipantRole.MERCHANT), List.of(USD, EUR))).changes();

            Map<String, Id128> after = f.participant(ParticipantOperations.OPERATOR_ID).accounts();
            assertThat(after).containsOnlyKeys(USD, JPY, EUR);
            assertThat(after.get(USD)).isEqualTo(before.get(USD));
            assertThat(after.get(JPY)).isEqualTo(before.get(JPY));
            assertThat(changes.ledger().accountsCreated()).extracting(Account::id).containsExactlyInAnyOrder(
                    f.participantAccount("acct_euro_merchant", USD), f.participantAccount("acct_euro_merchant", EUR),
                    after.get(EUR));
            assertThat(changes.records()).extracting(change -> change.id())
                    .containsExactlyInAnyOrder("acct_euro_merchant", ParticipantOperations.OPERATOR_ID);
        }

        @Test
        void currenciesTheOperatorHasOpenNoOperatorAccount() {
            StateChanges changes = f.step(() -> ParticipantOperations.createParticipant(f.state(),
                    spec("acct_dollar_wallet", ParticipantRole.WALLET_PROVIDER), List.of(USD))).changes();

            assertThat(changes.ledger().accountsCreated()).hasSize(1);
            assertThat(changes.records()).extracting(change -> change.id()).containsExactly("acct_dollar_wallet");
        }

        @Test
        void aParticipantIdIsNeverOpenedTwice() {
            assertThatThrownBy(() -> ParticipantOperations.createParticipant(f.state(),
                    spec(MERCHANT, ParticipantRole.MERCHANT), List.of(USD))).isInstanceOf(InvariantViolation.class);
        }

        @Test
        void theOperatorComesFirst() {
            SwitchState empty = new SwitchState(new LedgerStateMachine(), new CountingIds());
            empty.beginBatch(SwitchFixture.START_NANOS);

            assertThatThrownBy(() -> ParticipantOperations.createParticipant(empty,
                    spec("acct_early", ParticipantRole.MERCHANT), List.of(USD))).isInstanceOf(IllegalStateException.class);
            assertThat(ParticipantOperations.operator(empty)).isEmpty();
        }

        @Test
        void participantsBelongToTheOperator() {
            assertThat(f.participant(MERCHANT).ownerId()).isEqualTo(ParticipantOperations.OPERATOR_ID);
        }
    }

    @Nested
    class ApiKeys {
        private final SwitchFixture f = new SwitchFixture();
        private final ApiKey key = new ApiKey(ObjectIds.of("key_", new Id128(0xC0, 1)), MERCHANT, "checkout",
                new byte[] {1, 2, 3, 4}, "wxyz", SwitchFixture.START_NANOS, 0);

        @Test
        void aKeyIsStoredAsGiven() {
            assertThat(ParticipantOperations.createApiKey(f.state(), key)).isEqualTo(key);
            assertThat(f.state().find(RecordKind.API_KEY, key.id(), ApiKey.class)).contains(key);
            assertThat(key.active()).isTrue();
        }

        @Test
        void aKeyIdIsNeverUsedTwice() {
            ParticipantOperations.createApiKey(f.state(), key);

            assertThatThrownBy(() -> ParticipantOperations.createApiKey(f.state(), key))
                    .isInstanceOf(InvariantViolation.class);
        }

        @Test
        void revokingStampsTheBatchTimeOnceAndAgainAnswersTheKeyAsItStands() {
            ParticipantOperations.createApiKey(f.state(), key);
            f.advanceSeconds(60);

            Outcome<KeyResult, ApiKey> revoked = ParticipantOperations.revokeApiKey(f.state(), MERCHANT, key.id());
            assertThat(revoked.result()).isEqualTo(KeyResult.OK);
            assertThat(revoked.value().revokedAt()).isEqualTo(f.now());
            assertThat(revoked.value().active()).isFalse();

            f.advanceSeconds(60);
            SwitchFixture.Step<Outcome<KeyResult, ApiKey>> again =
                    f.step(() -> ParticipantOperations.revokeApiKey(f.state(), MERCHANT, key.id()));
            assertThat(again.value().result()).isEqualTo(KeyResult.OK);
            assertThat(again.value().value()).isEqualTo(revoked.value());
            assertThat(again.changes().isEmpty()).isTrue();
        }

        @Test
        void anotherParticipantsKeyIsNotFound() {
            ParticipantOperations.createApiKey(f.state(), key);

            SwitchFixture.Step<Outcome<KeyResult, ApiKey>> step =
                    f.step(() -> ParticipantOperations.revokeApiKey(f.state(), WALLET, key.id()));

            assertThat(step.value().result()).isEqualTo(KeyResult.NOT_FOUND);
            assertThat(step.changes().isEmpty()).isTrue();
            assertThat(f.state().find(RecordKind.API_KEY, key.id(), ApiKey.class).orElseThrow().active()).isTrue();
            assertThat(ParticipantOperations.revokeApiKey(f.state(), MERCHANT, "key_unknown").result())
                    .isEqualTo(KeyResult.NOT_FOUND);
        }

        @Test
        void aKeyShowsOnlyItsLastFourCharacters() {
            assertThat(key.toString()).contains("wxyz").doesNotContain("[1, 2");
        }
    }
}
