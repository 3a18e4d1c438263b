package uk.supervision.support;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.problem.ProblemResponses;
import uk.supervision.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * No route matched. Under /api (and for anything that is not a page request) the answer is a 404
 * problem; for a browser asking for a page, the SPA's index.html, so deep links such as /staff/123 work.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class NotFoundController {
    private final byte[] indexHtml;
    private final byte[] apiDocsHtml;

    public NotFoundController(ResourceResolver resources) {
        this.indexHtml = read(resources, "classpath:public/index.html");
        this.apiDocsHtml = read(resources, "classpath:public/api-docs/index.html");
    }

    /**
     * The interactive API docs (Swagger UI over /openapi.yaml). Routes ignore a trailing slash, so one
     * method serves /api-docs/ and sends /api-docs there (the page's relative links need the slash).
     */
    @Get("/api-docs")
    public HttpResponse<?> apiDocs(HttpRequest<?> request) {
        if (apiDocsHtml == null) {
            return notFound(request);
        }
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.permanentRedirect(URI.create("/api-docs/"));
        }
        return HttpResponse.ok(apiDocsHtml).contentType(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-cache");
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        String path = request.getPath();
        boolean pageRequest = request.getMethod() == HttpMethod.GET && indexHtml != null
                && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/health")
                && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                && request.getHeaders().accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE));
        if (pageRequest) {
            return HttpResponse.ok(indexHtml).contentType(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-cache");
        }
        return ProblemResponses.build(request, HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                ProblemResponses.detailFor(HttpStatus.NOT_FOUND, request), null);
    }

    private static byte[] read(ResourceResolver resources, String path) {
        Optional<InputStream> in = resources.getResourceAsStream(path);
        if (in.isEmpty()) {
            return null;
        }
        try (InputStream stream = in.get()) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
