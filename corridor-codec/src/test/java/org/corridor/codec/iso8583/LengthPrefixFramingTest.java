package org.corridor.codec.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LengthPrefixFramingTest {

    @Test
    void prefixIsTwoBytesBigEndian() {
        byte[] framed = LengthPrefixFraming.frame(new byte[300]);
        assertThat(framed).hasSize(302);
        assertThat(framed[0]).isEqualTo((byte) 0x01);
        assertThat(framed[1]).isEqualTo((byte) 0x2C);
    }

    @Test
    void readsWholeFramesOneAtATimeAndWaitsForPartialOnes() throws IsoFormatException {
        byte[] first = LengthPrefixFraming.frame(new byte[] {1, 2, 3});
        byte[] second = LengthPrefixFraming.frame(new byte[] {4});
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.put(first).put(second, 0, 2).flip();

        assertThat(LengthPrefixFraming.nextFrame(buffer)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        int position = buffer.position();
        assertThat(LengthPrefixFraming.nextFrame(buffer)).isEmpty();
        assertThat(buffer.position()).isEqualTo(position);

        buffer.compact().put(second, 2, 1).flip();
        assertThat(LengthPrefixFraming.nextFrame(buffer)).hasValueSatisfying(b -> assertThat(b).containsExactly(4));
        assertThat(LengthPrefixFraming.nextFrame(buffer)).isEmpty();
    }

    @Test
    void oneByteIsNotYetAPrefix() throws IsoFormatException {
        assertThat(LengthPrefixFraming.nextFrame(ByteBuffer.wrap(new byte[] {0}))).isEqualTo(Optional.empty());
    }

    @Test
    void rejectsEmptyAndOversizedFramesBeforeAllocating() {
        assertThatThrownBy(() -> LengthPrefixFraming.nextFrame(ByteBuffer.wrap(new byte[] {0, 0})))
                .isInstanceOf(IsoFormatException.class);
        assertThatThrownBy(() -> LengthPrefixFraming.nextFrame(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF})))
                .isInstanceOf(IsoFormatException.class)
                .hasMessageContaining("65535");
        int over = LengthPrefixFraming.FRAME_BODY_BYTES_MAX + 1;
        assertThatThrownBy(() -> LengthPrefixFraming.nextFrame(ByteBuffer.wrap(new byte[] {(byte) (over >>> 8), (byte) over})))
                .isInstanceOf(IsoFormatException.class);
    }

    @Test
    void refusesToFrameEmptyOrOversizedMessages() {
        assertThatThrownBy(() -> LengthPrefixFraming.frame(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LengthPrefixFraming.frame(new byte[LengthPrefixFraming.FRAME_BODY_BYTES_MAX + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LengthPrefixFraming.frame(new byte[LengthPrefixFraming.FRAME_BODY_BYTES_MAX]))
                .hasSize(LengthPrefixFraming.FRAME_BODY_BYTES_MAX + 2);
    }

    @Test
    void encodedMessagesRoundTripThroughFrames() throws IsoFormatException {
        IsoMessages codec = new IsoMessages();
        CardMessage message = CardMessages.everyField(Mti.AUTHORIZATION_REQUEST).build();
        ByteBuffer stream = ByteBuffer.wrap(LengthPrefixFraming.frame(codec.encode(message)));
        assertThat(codec.decode(LengthPrefixFraming.nextFrame(stream).orElseThrow())).isEqualTo(message);
        assertThat(stream.hasRemaining()).isFalse();
    }
}
