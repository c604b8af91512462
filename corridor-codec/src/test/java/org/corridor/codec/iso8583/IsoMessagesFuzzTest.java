package org.corridor.codec.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile bytes into the decoder: seeded, so a failure replays exactly. Every input must decode to a valid
 * message or fail with {@link IsoFormatException}; any other exception, a hang or an out-of-memory error fails
 * the test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IsoMessagesFuzzTest {
    private static final long SEED = 0x8583_1987L;
    private static final int CASES = 20_000;

    private final IsoMessages codec = new IsoMessages();

    @Test
    void randomBytesGiveAFormatErrorOrAMessage() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            byte[] input = new byte[random.nextInt(IsoMessages.MESSAGE_BYTES_MAX + 64)];
            random.nextBytes(input);
            if (random.nextBoolean() && input.length >= 4) {
                // Keep a known MTI so the parser goes past the first check.
                System.arraycopy(Mti.values()[random.nextInt(Mti.values().length)].digits().getBytes(), 0, input, 0, 4);
            }
            decodeOrFormatError(input, "random #" + i);
        }
    }

    @Test
    void mutatedMessagesGiveAFormatErrorOrAMessage() {
        Random random = new Random(SEED + 1);
        byte[][] seeds = seeds();
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = seeds[random.nextInt(seeds.length)].clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(input.length);
                switch (random.nextInt(4)) {
                    case 0 -> input[at] = (byte) random.nextInt(256);
                    case 1 -> input[at] = (byte) ('0' + random.nextInt(10));
                    case 2 -> input[at] ^= (byte) (1 << random.nextInt(8));
                    default -> input = Arrays.copyOf(input, Math.max(1, input.length + random.nextInt(9) - 4));
                }
                if (input.length == 0) break;
            }
            if (decodeOrFormatError(input, "mutation #" + i)) decoded++;
        }
        // Mutating a digit inside a numeric field leaves a valid message: the harness must see both outcomes.
        assertThat(decoded).isPositive().isLessThan(CASES);
    }

    @Test
    void everyTruncationIsAFormatError() {
        for (byte[] seed : seeds()) {
            for (int length = 0; length < seed.length; length++) {
                byte[] truncated = Arrays.copyOf(seed, length);
                try {
                    codec.decode(truncated);
                    fail("truncated to " + length + " of " + seed.length + " bytes decoded");
                } catch (IsoFormatException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }

    @Test
    void randomFramesGiveAFormatErrorOrAFrame() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < CASES; i++) {
            byte[] input = new byte[random.nextInt(64)];
            random.nextBytes(input);
            ByteBuffer buffer = ByteBuffer.wrap(input);
            try {
                while (LengthPrefixFraming.nextFrame(buffer).isPresent()) {
                    assertThat(buffer.position()).isLessThanOrEqualTo(input.length);
                }
            } catch (IsoFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private boolean decodeOrFormatError(byte[] input, String label) {
        try {
            CardMessage message = codec.decode(input);
            assertThat(codec.encode(message)).as(label).hasSize(input.length);
            return true;
        } catch (IsoFormatException expected) {
            assertThat(expected.getMessage()).as(label).isNotBlank();
            return false;
        } catch (RuntimeException surprise) {
            throw new AssertionError(label + " threw " + surprise, surprise);
        }
    }

    private byte[][] seeds() {
        Mti[] types = Mti.values();
        byte[][] seeds = new byte[types.length * 2][];
        for (int i = 0; i < types.length; i++) {
            seeds[2 * i] = codec.encode(CardMessages.everyField(types[i]).build());
            seeds[2 * i + 1] = codec.encode(CardMessage.builder(types[i]).stan(i).responseCode("00").build());
        }
        return seeds;
    }
}
