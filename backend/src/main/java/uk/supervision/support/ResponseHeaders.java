package uk.supervision.support;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.regex.Pattern;

/**
 * Caching and browser-security headers for every response, in one place: the API is never cached
 * (personal data), built files whose name carries a content hash are cached for a year, pages are
 * revalidated on each visit (a new release shows at once), and pages get a Content-Security-Policy
 * that runs scripts from this site only and may not be framed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-999_999) // runs last on the way out (after security and error handling have built the response)
public class ResponseHeaders {
    static final String NO_STORE = "no-store";
    static final String NO_CACHE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** The SPA: scripts, styles, fonts and images from this site only; its API calls go to this site. */
    static final String SPA_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI sets style attributes and uses data: images; its scripts are files of this site. */
    static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Data, not documents: nothing may load from or frame an API response. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Vite's build output: /assets/name-HASH.ext (the hash is 8 or more url-safe characters). */
    private static final Pattern HASHED_ASSET = Pattern.compile("/assets/[^/]+-[A-Za-z0-9_-]{8,}\\.[a-z0-9]+");

    @ResponseFilter
    public void add(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        String path = request.getPath();
        // A static file's type is set after filters run, so a page is also known by its path.
        boolean html = response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE))
                .orElse(response.getStatus().getCode() < 400 && (path.endsWith("/") || path.endsWith(".html")));
        if (html) {
            headers.set("Cache-Control", NO_CACHE);
            headers.set("Content-Security-Policy", path.startsWith("/api-docs") ? API_DOCS_POLICY : SPA_POLICY);
            headers.set("X-Frame-Options", "DENY");
        } else if (isStaticFile(path, response)) {
            // A 304 refreshes the stored headers, so a revalidated hashed file keeps its year too.
            int status = response.getStatus().getCode();
            headers.set("Cache-Control", (status == 200 || status == 304) && HASHED_ASSET.matcher(path).matches()
                    ? IMMUTABLE : NO_CACHE);
            if (path.equals("/sw.js")) {
                // A service worker's own policy comes from its script's response.
                headers.set("Content-Security-Policy", SPA_POLICY);
            }
        } else {
            headers.set("Cache-Control", NO_STORE);
            headers.set("Content-Security-Policy", API_POLICY);
        }
    }

    /** A file of the SPA or the API docs (not API data, health or metrics). */
    private static boolean isStaticFile(String path, MutableHttpResponse<?> response) {
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health") || path.startsWith("/prometheus")) {
            return false;
        }
        return response.getContentType().map(t -> !t.matches(MediaType.APPLICATION_JSON_TYPE)
                && !t.getName().equals("application/problem+json")).orElse(true);
    }
}
