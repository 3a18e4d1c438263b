package uk.supervision.integration;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.WebhookApi;
import uk.supervision.api.model.WebhookCreate;
import uk.supervision.api.model.WebhookDeliveryPage;
import uk.supervision.api.model.WebhookPage;
import uk.supervision.api.model.WebhookRegistration;
import uk.supervision.security.CallerProvider;

import java.net.URI;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class WebhookController implements WebhookApi {
    private final WebhookService webhooks;
    private final CallerProvider callers;

    public WebhookController(WebhookService webhooks, CallerProvider callers) {
        this.webhooks = webhooks;
        this.callers = callers;
    }

    @Override
    public HttpResponse<WebhookPage> listWebhooks(Integer limit, String cursor) {
        return HttpResponse.ok(webhooks.list(callers.current(), limit, cursor));
    }

    @Override
    public HttpResponse<WebhookRegistration> registerWebhook(WebhookCreate body) {
        WebhookRegistration created = webhooks.register(callers.current(), body);
        return HttpResponse.<WebhookRegistration>created(created, URI.create("/api/v1/webhooks/" + created.getId()))
                .header("Cache-Control", "no-store");
    }

    @Override
    public HttpResponse<Void> removeWebhook(UUID webhookId) {
        webhooks.remove(callers.current(), webhookId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<WebhookDeliveryPage> listWebhookDeliveries(UUID webhookId, Integer limit, String cursor) {
        return HttpResponse.ok(webhooks.deliveries(callers.current(), webhookId, limit, cursor));
    }
}
