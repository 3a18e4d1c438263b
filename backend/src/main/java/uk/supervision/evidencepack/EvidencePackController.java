package uk.supervision.evidencepack;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.EvidencepackApi;
import uk.supervision.api.model.EvidencePack;
import uk.supervision.api.model.EvidencePackPage;
import uk.supervision.api.model.EvidencePackRequest;
import uk.supervision.security.CallerProvider;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.UUID;

/** Evidence packs are for people: machine clients are refused every operation (403). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class EvidencePackController implements EvidencepackApi {
    private final EvidencePackService packs;
    private final CallerProvider callers;

    public EvidencePackController(EvidencePackService packs, CallerProvider callers) {
        this.packs = packs;
        this.callers = callers;
    }

    @Override
    public HttpResponse<EvidencePackPage> listEvidencePacks(Integer limit, String cursor) {
        return HttpResponse.ok(packs.list(callers.person(), limit, cursor));
    }

    @Override
    public HttpResponse<EvidencePack> requestEvidencePack(EvidencePackRequest body, String idempotencyKey) {
        EvidencePackService.Requested requested = packs.request(callers.person(), body, idempotencyKey);
        MutableHttpResponse<EvidencePack> response = HttpResponse.<EvidencePack>status(HttpStatus.ACCEPTED).body(requested.pack())
                .header("Location", URI.create("/api/v1/evidence-packs/" + requested.pack().getId()).toString());
        return requested.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<EvidencePack> getEvidencePack(UUID packId) {
        return HttpResponse.ok(packs.get(callers.person(), packId));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> downloadEvidencePackFile(UUID packId, String fileName) {
        EvidencePackService.Download file = packs.download(callers.person(), packId, fileName);
        String type = file.mediaType().startsWith("text/") ? file.mediaType() + "; charset=utf-8" : file.mediaType();
        return HttpResponse.ok(new StreamedFile(new ByteArrayInputStream(file.bytes()), MediaType.of(type), System.currentTimeMillis(),
                file.bytes().length).attach(file.name()));
    }
}
