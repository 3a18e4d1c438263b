package uk.supervision.casediscussion;

import io.micronaut.serde.annotation.Serdeable;
import uk.supervision.api.model.CaseDiscussionAction;
import uk.supervision.api.model.CaseDiscussionAnswer;
import uk.supervision.api.model.CaseDiscussionDecision;
import uk.supervision.api.model.ChildVoice;

import java.util.List;

/** What the parties write and sign: kept as one JSON document, in the order written. */
@Serdeable
public record DiscussionContent(List<CaseDiscussionAnswer> answers, ChildVoice childVoice, List<CaseDiscussionDecision> decisions,
                                List<CaseDiscussionAction> actions) {
    public static DiscussionContent empty() {
        return new DiscussionContent(List.of(), new ChildVoice(), List.of(), List.of());
    }
}
