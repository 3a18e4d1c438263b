package uk.supervision.audit;

import io.micronaut.serde.annotation.Serdeable;
import uk.supervision.api.model.AuditAction;
import uk.supervision.api.model.AuditAnswer;

import java.util.List;

/** What the auditor writes and signs: the answers in the template's order and the actions, one JSON document. */
@Serdeable
public record AuditContent(List<AuditAnswer> answers, List<AuditAction> actions) {
    public static AuditContent empty() {
        return new AuditContent(List.of(), List.of());
    }
}
