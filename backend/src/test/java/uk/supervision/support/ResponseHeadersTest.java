package uk.supervision.support;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Caching and browser-security headers over real HTTP: API data is never stored, built files with a
 * content hash are kept a year, pages are revalidated and carry a policy that runs only this site's
 * script files and forbids framing. The pages are the real frontend/index.html and api-docs (copied
 * into the test classpath), the hashed file a stand-in for Vite's output.
 */
@MicronautTest(transactional = false)
class ResponseHeadersTest extends ApiTest {
    private static final Map<String, String> PAGE = Map.of("Accept", "text/html,application/xhtml+xml");

    @Test
    void apiJsonIsNeverStored() {
        String token = api.token(world.person(world.teamA1(), "Hal", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        Api.Response r = api.get("/api/v1/me", token);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals("no-store", r.header("Cache-Control"));
        assertCommon(r);
        assertEquals("default-src 'none'; frame-ancestors 'none'", r.header("Content-Security-Policy"));
    }

    @Test
    void errorsAreNeverStoredEither() {
        Api.Response unauthorised = api.get("/api/v1/me", null);
        assertEquals(401, unauthorised.status());
        assertEquals("no-store", unauthorised.header("Cache-Control"));
        assertCommon(unauthorised);

        Api.Response missing = api.get("/api/v1/no-such-thing", null);
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());
        assertEquals("no-store", missing.header("Cache-Control"));
        assertCommon(missing);
    }

    @Test
    void theSpaEntryAndItsDeepLinksAreRevalidatedAndLockedDown() {
        for (String path : new String[] {"/", "/staff/some-person"}) {
            Api.Response page = api.raw("GET", path, null, null, null, PAGE);
            assertEquals(200, page.status(), path);
            assertTrue(page.contentType().startsWith("text/html"), path + " " + page.contentType());
            assertTrue(page.body().contains("<div id=\"root\">"), path + " serves the SPA");
            assertEquals("no-cache", page.header("Cache-Control"), path);
            assertCommon(page);
            assertStrictScripts(page.header("Content-Security-Policy"));
            assertEquals("DENY", page.header("X-Frame-Options"));
            assertNoInlineScript(page.body());
        }
    }

    @Test
    void hashedBuildFilesAreCachedForAYearOthersAreRevalidated() {
        Api.Response asset = api.raw("GET", "/assets/headers-check-B4x9Kq2Z.js", null, null, null, Map.of());
        assertEquals(200, asset.status());
        assertTrue(asset.body().contains("export const built"));
        assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control"));
        assertCommon(asset);
        String lastModified = asset.header("Last-Modified");
        assertNotNull(lastModified, "static files can be revalidated");
        Api.Response revalidated = api.raw("GET", "/assets/headers-check-B4x9Kq2Z.js", null, null, null,
                Map.of("If-Modified-Since", lastModified));
        assertEquals(304, revalidated.status());
        assertEquals("public, max-age=31536000, immutable", revalidated.header("Cache-Control"),
                "a 304 replaces the stored headers: it must not shorten the year");

        Api.Response contract = api.raw("GET", "/openapi.yaml", null, null, null, Map.of());
        assertEquals(200, contract.status());
        assertEquals("no-cache", contract.header("Cache-Control"), "an unhashed file may change under the same name");
        assertCommon(contract);

        Api.Response missingAsset = api.raw("GET", "/assets/gone-B4x9Kq2Z.js", null, null, null, Map.of());
        assertEquals(404, missingAsset.status());
        assertFalse(String.valueOf(missingAsset.header("Cache-Control")).contains("immutable"), "a 404 is never kept a year");
    }

    @Test
    void theApiDocsRunOnlyThisSitesScriptsAndCannotBeFramed() {
        Api.Response docs = api.raw("GET", "/api-docs/", null, null, null, PAGE);
        assertEquals(200, docs.status());
        assertTrue(docs.body().contains("swagger-ui-bundle.js"));
        assertEquals("no-cache", docs.header("Cache-Control"));
        assertCommon(docs);
        String policy = docs.header("Content-Security-Policy");
        assertStrictScripts(policy);
        assertTrue(policy.contains("connect-src 'self'"), "Swagger UI fetches /openapi.yaml from this site: " + policy);
        assertNoInlineScript(docs.body());

        Api.Response starter = api.raw("GET", "/api-docs/api-docs.js", null, null, null, Map.of());
        assertEquals(200, starter.status(), "the starter script moved out of the page is served");
        assertTrue(starter.body().contains("SwaggerUIBundle("));
        assertCommon(starter);
    }

    private static void assertCommon(Api.Response r) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), r.toString());
        assertEquals("no-referrer", r.header("Referrer-Policy"), r.toString());
    }

    /** Scripts from this site's files only (no inline, no eval), and no framing. */
    private static void assertStrictScripts(String policy) {
        assertNotNull(policy, "a Content-Security-Policy");
        Matcher script = Pattern.compile("script-src ([^;]*)").matcher(policy);
        assertTrue(script.find(), policy);
        assertEquals("'self'", script.group(1).trim(), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
    }

    /** Under that policy an inline script would not run: every script of the page must be a file. */
    private static void assertNoInlineScript(String html) {
        Matcher tag = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
        int scripts = 0;
        while (tag.find()) {
            scripts++;
            assertTrue(tag.group(1).contains("src="), "inline script in page: " + tag.group());
        }
        assertTrue(scripts > 0, "the page loads its scripts");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline event handlers");
    }
}
