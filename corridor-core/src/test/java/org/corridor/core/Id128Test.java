package org.corridor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Id128Test {
    private static final long SEED = 128;
    private static final int RANDOM_IDS = 1_000;

    @Test
    void formatsAsThirtyTwoLowerCaseHexadecimalDigits() {
        assertThat(new Id128(0x0123456789ABCDEFL, 0xFEDCBA9876543210L).toString())
                .isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(Id128.ZERO.toString()).isEqualTo("0".repeat(32));
        assertThat(Id128.MAX.toString()).isEqualTo("f".repeat(32));
    }

    @Test
    void parsingWhatWasFormattedGivesTheSameId() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < RANDOM_IDS; i++) {
            Id128 id = new Id128(random.nextLong(), random.nextLong());
            assertThat(Id128.parse(id.toString())).isEqualTo(id);
        }
        assertThat(Id128.parse(Id128.MAX.toString())).isEqualTo(Id128.MAX);
    }

    @Test
    void parsesShortAndUpperCaseDigits() {
        assertThat(Id128.parse("1")).isEqualTo(Id128.of(1));
        assertThat(Id128.parse("FF")).isEqualTo(Id128.of(255));
        assertThat(Id128.parse("1" + "0".repeat(16))).isEqualTo(new Id128(1, 0));
        assertThat(Id128.parse("0".repeat(32))).isEqualTo(Id128.ZERO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"g", "-1", "+1", " 1", "1 ", "0x1", "123456789012345678901234567890123", "１"})
    void refusesAnythingButOneToThirtyTwoHexadecimalDigits(String bad) {
        assertThatThrownBy(() -> Id128.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an id is 1 to 32 hexadecimal digits");
    }

    @Test
    void comparesAsAnUnsignedNumber() {
        Id128 highBitSet = new Id128(Long.MIN_VALUE, 0);
        Id128 lowHalfAllOnes = new Id128(0, -1L);

        assertThat(Id128.MAX).isGreaterThan(highBitSet);
        assertThat(highBitSet).isGreaterThan(new Id128(Long.MAX_VALUE, -1L));
        assertThat(lowHalfAllOnes).isGreaterThan(Id128.of(Long.MAX_VALUE));
        assertThat(new Id128(1, 0)).isGreaterThan(lowHalfAllOnes);
        assertThat(Id128.ZERO).isLessThan(Id128.of(1));
        assertThat(Id128.of(7).compareTo(Id128.of(7))).isZero();
    }

    @Test
    void ordersLikeItsTextForm() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < RANDOM_IDS; i++) {
            Id128 a = new Id128(random.nextLong(), random.nextLong());
            Id128 b = new Id128(random.nextLong(), random.nextLong());
            assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
        }
    }

    @Test
    void zeroAndAllOnesAreRecognised() {
        assertThat(Id128.ZERO.isZero()).isTrue();
        assertThat(Id128.MAX.isMax()).isTrue();
        assertThat(Id128.of(1).isZero()).isFalse();
        assertThat(new Id128(-1L, 0).isMax()).isFalse();
        assertThat(Id128.of(1)).isEqualTo(new Id128(0, 1));
    }
}
