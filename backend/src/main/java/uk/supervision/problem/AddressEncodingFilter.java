package uk.supervision.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An address whose percent-escapes are not UTF-8 (or not escapes at all) is a 400. Left alone, the
 * framework decodes them to replacement characters, and a query such as {@code ?q=%C3%28} or
 * {@code ?current=%C3%28} is then answered as if the client had sent something else.
 */
@ServerFilter("/api/**")
public class AddressEncodingFilter implements Ordered {

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseMalformedAddresses(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        String query = request.getUri().getRawQuery();
        if (isUtf8(path) && (query == null || isUtf8(query))) {
            return null;
        }
        return ProblemResponses.build(request, HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
                "The address has percent-escapes that are not UTF-8 text. Encode parameters as UTF-8.", null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    static boolean isUtf8(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
            bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
