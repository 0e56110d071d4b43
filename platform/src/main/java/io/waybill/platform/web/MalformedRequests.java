package io.waybill.platform.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.waybill.api.DomainError;
import io.waybill.api.ErrorCode;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Requests the web framework never sees, answered in the error envelope like every other refusal. Netty's HTTP
 * decoder refuses a request line over 4 KiB ({@code 414 uri_too_long}), headers over 8 KiB ({@code 431
 * headers_too_large}) and a request it cannot parse ({@code 400}); a request target that is not a URI (a malformed
 * percent-escape such as {@code %ZZ}, a raw space or brace) cannot become the framework's request ({@code 400}).
 * Reactor Netty and Spring answer all of these with an empty body; a handler right after Netty's codec answers them
 * first and closes the connection, as the rest of such a request cannot be trusted to be framed right.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

    private static final String HANDLER = "waybill.malformedRequests";
    private static final String PLAIN_MARKS = "-._~/?=&,:@!$'()*+;";
    private final ApiErrorHandler errors;

    MalformedRequests(ApiErrorHandler errors) {
        this.errors = errors;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Guard());
            }
        });
    }

    /** The refusal for a request, or null when the framework can take it. */
    static DomainError refusal(HttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            Throwable cause = decoded.cause();
            if (cause instanceof TooLongHttpLineException) {
                return refusal(ErrorCode.URI_TOO_LONG, "the request line is longer than 4096 bytes",
                        Map.of("limit", 4096));
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return refusal(ErrorCode.HEADERS_TOO_LARGE, "the request headers are larger than 8192 bytes",
                        Map.of("limit", 8192));
            }
            if (cause instanceof TooLongFrameException) {
                return refusal(ErrorCode.HEADERS_TOO_LARGE, "a request header is too large", Map.of());
            }
            return refusal(ErrorCode.VALIDATION_FAILED, "the request is not well-formed HTTP", Map.of());
        }
        if (plain(request.uri())) {
            return null;
        }
        try {
            new URI(request.uri());
            return null;
        } catch (URISyntaxException e) {
            return refusal(ErrorCode.VALIDATION_FAILED, "the request URI is malformed at index " + e.getIndex()
                    + ": characters outside a URI must be percent-encoded, and % must start an escape of two hex "
                    + "digits", Map.of("uri", "malformed", "index", e.getIndex()));
        }
    }

    /**
     * A path (no authority) and query made only of characters a URI takes anywhere there, without escapes or a
     * fragment: always a URI, so most requests skip the parser and the copies it makes of each part.
     */
    static boolean plain(String target) {
        if (target.isEmpty() || target.charAt(0) != '/' || target.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || PLAIN_MARKS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static DomainError refusal(ErrorCode code, String message, Map<String, Object> details) {
        return new DomainError(code.code(), message, details);
    }

    private final class Guard extends ChannelDuplexHandler {

        /** Set once a request was refused: what follows on the connection is dropped until it closes. */
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            DomainError refusal = message instanceof HttpRequest request ? refusal(request) : null;
            if (refusal == null) {
                ctx.fireChannelRead(message);
                return;
            }
            refused = true;
            ReferenceCountUtil.release(message);
            byte[] body = errors.envelope(refusal);
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(ErrorCode.fromCode(refusal.code()).httpStatus()),
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
