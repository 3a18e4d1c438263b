package uk.supervision.demo;

import jakarta.inject.Singleton;
import uk.supervision.action.ActionService;
import uk.supervision.agreement.AgreementService;
import uk.supervision.api.model.ActionCreate;
import uk.supervision.api.model.ActionReview;
import uk.supervision.api.model.ActionReviewOutcome;
import uk.supervision.api.model.AgreementAnswer;
import uk.supervision.api.model.AgreementCreate;
import uk.supervision.api.model.RecordEntry;
import uk.supervision.api.model.RecordNoteCreate;
import uk.supervision.api.model.RecordNoteKind;
import uk.supervision.api.model.SessionCancellation;
import uk.supervision.api.model.SessionHeld;
import uk.supervision.api.model.SessionParty;
import uk.supervision.api.model.SessionPlan;
import uk.supervision.api.model.SessionPostponement;
import uk.supervision.api.model.SessionRecordUpdate;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.policy.PolicyService;
import uk.supervision.security.Caller;
import uk.supervision.session.SessionRecordService;
import uk.supervision.session.SessionService;
import uk.supervision.staff.Staff;
import uk.supervision.support.ETags;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The verbs of the demo's stories, each through the product's own service exactly as the API calls it
 * (same checks, same SQL, same signing path and hash chain). Every verb runs at the moment its
 * {@link DemoTimeline} step replays.
 */
@Singleton
class DemoSupervision {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final SessionService sessions;
    private final SessionRecordService records;
    private final ActionService actions;
    private final AgreementService agreements;
    private final PolicyService policy;

    DemoSupervision(SessionService sessions, SessionRecordService records, ActionService actions, AgreementService agreements,
                    PolicyService policy) {
        this.sessions = sessions;
        this.records = records;
        this.actions = actions;
        this.agreements = agreements;
        this.policy = policy;
    }

    /** A demo person: their staff record and the caller their own account signs in as. */
    record Person(Staff staff, Caller caller) {
        String name() {
            return staff.givenName();
        }

        UUID uuid() {
            return UUID.fromString(staff.id());
        }
    }

    /** A session as the stories follow it: its id and the versions its next change must name. */
    static final class Session {
        String id;
        int version;
        int recordVersion;
        final List<String> actionsAgreed = new ArrayList<>();
    }

    /** An agreement as the stories follow it. */
    static final class Agreement {
        String id;
        int version;
    }

    void book(Person supervisor, Person supervisee, LocalDate day, LocalTime start, int minutes, String place, Session into) {
        var booked = sessions.plan(supervisor.caller(),
                new SessionPlan(Set.of(supervisee.uuid()), day, start.format(HH_MM), minutes, place), null).sessions().getItems().get(0);
        into.id = booked.getId().toString();
        into.version = booked.getVersion();
    }

    void held(Person by, Session s, int minutes) {
        s.version = sessions.markHeld(by.caller(), UUID.fromString(s.id), new SessionHeld(minutes), ETags.of(s.version)).getVersion();
        s.recordVersion = 1;
    }

    /** Writes the record: every agenda item of the organisation's template, the open actions reviewed. */
    void write(Person by, Session s, DemoWords.Record words, List<ActionReview> reviews) {
        List<RecordEntry> entries = new ArrayList<>();
        for (String key : policy.activeTemplate(by.staff().organisationId(), TemplateKind.SESSION_AGENDA).keys()) {
            entries.add(new RecordEntry(key, false).text(words.entry(key)));
        }
        SessionRecordUpdate body = new SessionRecordUpdate(entries, words.confidential() != null, reviews)
                .reflection(words.reflection()).futureAgenda(words.futureAgenda()).nextDate(words.nextDate())
                .confidentialNotes(words.confidential());
        s.recordVersion = records.update(by.caller(), UUID.fromString(s.id), body, ETags.of(s.recordVersion)).getVersion();
    }

    void comment(Person by, Session s, String text) {
        s.recordVersion = records.addNote(by.caller(), UUID.fromString(s.id), new RecordNoteCreate(RecordNoteKind.COMMENT, text), null)
                .getVersion();
    }

    void sign(Person by, Session s) {
        s.recordVersion = records.sign(by.caller(), UUID.fromString(s.id), ETags.of(s.recordVersion)).getVersion();
    }

    String action(Person by, Person supervisee, Person owner, String text, LocalDate due, Session in) {
        String id = actions.create(by.caller(), new ActionCreate(supervisee.uuid(), owner.uuid(), text, due)
                .sessionId(UUID.fromString(in.id)), null).action().getId().toString();
        in.actionsAgreed.add(id);
        return id;
    }

    static ActionReview review(String actionId, ActionReviewOutcome outcome, String note) {
        return new ActionReview(UUID.fromString(actionId), outcome).note(note);
    }

    /** Cancels the session; with a date, the replacement is booked at the same time and place. */
    void cancel(Person by, SessionParty who, String reason, Session s, LocalDate rebookOn, Session replacement) {
        SessionCancellation body = new SessionCancellation(who, reason).rebookDate(rebookOn);
        var cancelled = sessions.cancel(by.caller(), UUID.fromString(s.id), body, ETags.of(s.version));
        s.version = cancelled.getVersion();
        if (replacement != null) {
            replacement.id = cancelled.getRebookedAsId().toString();
            replacement.version = 1;
        }
    }

    void postpone(Person by, Session s, String reason) {
        s.version = sessions.postpone(by.caller(), UUID.fromString(s.id), new SessionPostponement(reason), ETags.of(s.version)).getVersion();
    }

    /** Drafts the agreement from the organisation's template, every question answered, and sends it for signature. */
    void draftAndSend(Person supervisor, Person supervisee, Integer intervalWeeks, String place, Agreement into) {
        List<AgreementAnswer> answers = new ArrayList<>();
        for (String key : policy.activeTemplate(supervisor.staff().organisationId(), TemplateKind.AGREEMENT).keys()) {
            answers.add(new AgreementAnswer(key, DemoWords.agreementAnswer(key, supervisee.name(), intervalWeeks)));
        }
        AgreementCreate body = new AgreementCreate(90, place, answers, supervisee.uuid()).intervalWeeks(intervalWeeks).escalationPeriod("P6W");
        var drafted = agreements.create(supervisor.caller(), body, null).agreement();
        into.id = drafted.getId().toString();
        into.version = agreements.submit(supervisor.caller(), drafted.getId(), ETags.of(drafted.getVersion())).getVersion();
    }

    void signAgreement(Person by, Agreement a) {
        a.version = agreements.sign(by.caller(), UUID.fromString(a.id), ETags.of(a.version)).getVersion();
    }
}
