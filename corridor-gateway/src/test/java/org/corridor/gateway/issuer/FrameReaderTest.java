package org.corridor.gateway.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.LengthPrefixFraming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FrameReaderTest {

    private static final long SEED = 20260314L;
    private static final int RUNS = 2_000;

    @Test
    void framesSplitIntoTinyReadsComeOutWhole() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        byte[] small = {1, 2, 3};
        byte[] largest = new byte[LengthPrefixFraming.FRAME_BODY_BYTES_MAX];
        new Random(SEED).nextBytes(largest);
        stream.write(LengthPrefixFraming.frame(small));
        stream.write(LengthPrefixFraming.frame(largest));
        stream.write(LengthPrefixFraming.frame(small));
        FrameReader frames = new FrameReader(oneByteAtATime(new ByteArrayInputStream(stream.toByteArray())));

        assertThat(frames.next()).isEqualTo(small);
        assertThat(frames.next()).isEqualTo(largest);
        assertThat(frames.next()).isEqualTo(small);
        assertThatThrownBy(frames::next).isInstanceOf(EOFException.class);
    }

    @Test
    void aZeroOrOversizedPrefixIsAFormatError() {
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(new byte[] {0, 0, 1})).next())
                .isInstanceOf(IsoFormatException.class);
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(new byte[] {0x04, 0x01})).next())
                .isInstanceOf(IsoFormatException.class);
    }

    @Test
    void randomBytesEndInFramesAFormatErrorOrTheEndOfTheStreamAndNothingElse() throws Exception {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            byte[] bytes = new byte[random.nextInt(2_100)];
            random.nextBytes(bytes);
            if (random.nextBoolean() && bytes.length >= 2) {
                // Make a plausible prefix more likely than chance would.
                bytes[0] = (byte) random.nextInt(5);
            }
            FrameReader frames = new FrameReader(new ByteArrayInputStream(bytes));
            int framesRead = 0;
            try {
                while (framesRead <= bytes.length) {
                    byte[] frame = frames.next();
                    assertThat(frame.length).isBetween(1, LengthPrefixFraming.FRAME_BODY_BYTES_MAX);
                    framesRead++;
                }
            } catch (EOFException | IsoFormatException expected) {
                // Both are the ends a hostile stream may come to.
            }
            assertThat(framesRead).as("run %d", run).isLessThanOrEqualTo(bytes.length / 3);
        }
    }

    private static InputStream oneByteAtATime(InputStream input) {
        return new FilterInputStream(input) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(1, length));
            }
        };
    }
}
