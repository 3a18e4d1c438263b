package uk.supervision.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/** A form body Netty cannot decode (a bad percent-escape such as {@code grant_type=%ZZ}) is a 400, not a 500. */
@Produces
@Singleton
public class MalformedFormHandler implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return ProblemResponses.build(request, HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
                "The form could not be read: a value has a percent-escape that is not valid.", null);
    }
}
