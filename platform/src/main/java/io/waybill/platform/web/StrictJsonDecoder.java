package io.waybill.platform.web;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a JSON body as Jackson does, once it is known to be well-formed UTF-8. Jackson decodes some malformed
 * sequences instead of refusing them: the overlong {@code C0 AF} becomes "/", {@code C1 BF} a DEL, four bytes
 * beyond U+10FFFF a pair of lone surrogates. Text that no check saw in its true form would then reach the
 * aggregates. The check does not heed a charset in the Content-Type: Jackson reads the body's bytes as they are,
 * detecting their encoding itself, so "charset=ISO-8859-1" would otherwise let the same bytes through. JSON
 * between systems is UTF-8 (RFC 8259, section 8.1).
 */
class StrictJsonDecoder extends JacksonJsonDecoder {

    StrictJsonDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object decode(DataBuffer body, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints)
            throws DecodingException {
        int invalid = firstInvalidByte(body);
        if (invalid >= 0) {
            DataBufferUtils.release(body);
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the request body is not valid UTF-8",
                    Map.of("body", "invalid UTF-8 at byte offset " + invalid));
        }
        return super.decode(body, targetType, mimeType, hints);
    }

    /** The offset of the first byte of the first malformed sequence, or -1 when there is none. */
    static int firstInvalidByte(DataBuffer body) {
        byte[] bytes = new byte[body.readableByteCount()];
        int start = body.readPosition();
        body.read(bytes);
        body.readPosition(start);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // no more characters than bytes: a small body needs no large buffer
        CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(bytes.length, 8192)));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return decoder.flush(out).isError() ? in.position() : -1;
            }
            out.clear();
        }
    }
}
