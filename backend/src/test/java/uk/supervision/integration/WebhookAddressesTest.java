package uk.supervision.integration;

import org.junit.jupiter.api.Test;
import uk.supervision.problem.ProblemException;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which endpoint addresses are refused, however written, and the delivery log's errors in words. */
class WebhookAddressesTest {
    private final WebhookService strict = new WebhookService(null, null, null, null, false);
    private final WebhookService forTests = new WebhookService(null, null, null, null, true);

    @Test
    void internalAddressesInAnySpellingAreRefused() {
        List<String> accepted = new ArrayList<>();
        for (String u : List.of("https://0x7f.1/", "https://127.1/", "https://017700000001/", "https://0x7f000001/", "https://127.0.0.2/",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[::]/",
                "https://172.16.0.1/", "https://172.31.255.255/", "https://100.64.0.1/", "https://224.0.0.1/", "https://255.255.255.255/",
                "https://[ff02::1]/", "https://LOCALHOST/", "https://db.localhost/", "https://localhost./", "http://127.0.0.1:9/")) {
            try {
                strict.checkedUrl(URI.create(u));
                accepted.add(u);
            } catch (ProblemException refused) {
                assertEquals("/url", refused.errors().get(0).getPointer(), u);
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void publicAddressesAndTheTestSettingsLocalhostAreAccepted() {
        assertEquals("https://8.8.8.8/hooks", strict.checkedUrl(URI.create("https://8.8.8.8/hooks")));
        assertEquals("https://[2001:4860:4860::8888]/h", strict.checkedUrl(URI.create("https://[2001:4860:4860::8888]/h")));
        assertEquals("https://172.32.0.1/", strict.checkedUrl(URI.create("https://172.32.0.1/")));
        assertEquals("http://localhost:8080/h", forTests.checkedUrl(URI.create("http://localhost:8080/h")));
        assertEquals("https://127.0.0.1:8443/h", forTests.checkedUrl(URI.create("https://127.0.0.1:8443/h")));
        List<String> accepted = new ArrayList<>();
        for (String u : List.of("http://127.0.0.2/", "http://10.0.0.1/", "https://[::1]/")) {
            try {
                forTests.checkedUrl(URI.create(u));
                accepted.add(u);
            } catch (ProblemException refused) {
                // only the two names of this machine are let through, and only with the test setting
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void failuresAreLoggedInWordsNeverTheExceptionsText() {
        assertEquals("Timed out", WebhookDispatcher.inWords(new TimeoutException("10.1.2.3:8443 slow")));
        assertEquals("Timed out", WebhookDispatcher.inWords(new HttpConnectTimeoutException("HTTP connect timed out to 10.1.2.3")));
        assertEquals("Connection refused", WebhookDispatcher.inWords(new ConnectException("10.1.2.3:22 Connection refused")));
        assertEquals("Connection failed", WebhookDispatcher.inWords(new java.io.IOException("SSH-2.0-OpenSSH_9.2 banner")));
        assertEquals("Could not send", WebhookDispatcher.inWords(new IllegalArgumentException("secret detail")));
    }
}
