package io.waybill.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StrictJsonDecoderTest {

    @Test
    void wellFormedUtf8PassesAndTheBufferIsLeftUnread() {
        DataBuffer body = buffer("{\"name\":\"D\u00f6ck \u5009\u5eab \ud83d\ude9a\"}".getBytes(StandardCharsets.UTF_8));
        int readable = body.readableByteCount();
        assertThat(StrictJsonDecoder.firstInvalidByte(body)).isEqualTo(-1);
        assertThat(body.readableByteCount()).isEqualTo(readable);
    }

    @Test
    void everyMalformedSequenceIsFoundWhereItStarts() {
        int[][] sequences = {{0x80}, {0xc3, 0x28}, {0xc0, 0xaf}, {0xc1, 0xbf}, {0xe2, 0x82}, {0xed, 0xa0, 0x80},
                {0xf0, 0x9f, 0x9a}, {0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80, 0x80, 0x80}, {0xfe}, {0xff}};
        for (int[] sequence : sequences) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
            for (int b : sequence) {
                body.write(b);
            }
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(StrictJsonDecoder.firstInvalidByte(buffer(body.toByteArray()))).isEqualTo(6);
        }
    }

    @Test
    void aSequenceCutOffAtTheEndIsMalformed() {
        assertThat(StrictJsonDecoder.firstInvalidByte(buffer(new byte[]{'a', (byte) 0xe2, (byte) 0x82}))).isEqualTo(1);
    }

    private static DataBuffer buffer(byte[] bytes) {
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }
}
