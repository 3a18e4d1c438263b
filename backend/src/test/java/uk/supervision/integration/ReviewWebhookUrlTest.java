package uk.supervision.integration;

import org.junit.jupiter.api.Test;
import uk.supervision.problem.ProblemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reviewer: an endpoint on this machine, a private network or the cloud metadata address must be refused (SSRF). */
class ReviewWebhookUrlTest {
    @Test
    void internalAddressesAreRefused() {
        WebhookService service = new WebhookService(null, null, null, null, false);
        List<String> accepted = new ArrayList<>();
        for (String u : List.of("https://169.254.169.254/latest/meta-data/", "https://127.0.0.1:3306/", "https://localhost:8443/admin",
                "https://10.0.0.5/hooks", "https://192.168.1.1/", "https://[::1]/", "https://0.0.0.0/", "https://2130706433/")) {
            try {
                service.checkedUrl(URI.create(u));
                accepted.add(u);
            } catch (ProblemException refused) {
                // as it should be
            }
        }
        assertEquals(List.of(), accepted, "internal endpoints accepted");
    }
}
