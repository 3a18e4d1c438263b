package uk.supervision.evidencepack;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.EvidencePack;
import uk.supervision.api.model.EvidencePackFile;
import uk.supervision.api.model.EvidencePackPage;
import uk.supervision.api.model.EvidencePackRequest;
import uk.supervision.api.model.EvidencePackStatus;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureScopeRef;
import uk.supervision.measure.MeasurePeriod;
import uk.supervision.measure.MeasureService;
import uk.supervision.measure.MeasureTarget;
import uk.supervision.problem.Problems;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence packs (decision 0034): asked for by one person for a scope and period they may see at least in aggregate,
 * made in the background (EvidencePackJob) always aggregate-only, and read and downloaded by that person alone.
 */
@Singleton
public class EvidencePackService {
    static final String OPERATION = "requestEvidencePack";
    private static final String NOT_YOURS = "An evidence pack is seen and downloaded only by the person who asked for it.";

    private final EvidencePackStore store;
    private final MeasureService measures;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final Clock clock;

    public EvidencePackService(EvidencePackStore store, MeasureService measures, Idempotency idempotency, ActivityLog activityLog,
                               Clock clock) {
        this.store = store;
        this.measures = measures;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    public record Requested(EvidencePack pack, boolean replayed) {
    }

    public record Download(String name, String mediaType, byte[] bytes) {
    }

    @Transactional
    public Requested request(Caller caller, EvidencePackRequest body, String idempotencyKey) {
        Optional<String> previous = idempotency.previous(caller, idempotencyKey, OPERATION, body);
        if (previous.isPresent()) {
            return new Requested(view(own(caller, previous.get())), true);
        }
        if (body.getScope() == MeasureScopeKind.PERSON) {
            throw Problems.rule("/scope", "An evidence pack is for the directorate, a service or a team: it holds no names, so not one person.");
        }
        if (body.getScope() != MeasureScopeKind.DIRECTORATE && body.getScopeId() == null) {
            throw Problems.rule("/scopeId", "Choose the service or team the pack is for.");
        }
        YearMonth from = month("/from", body.getFrom());
        YearMonth to = month("/to", body.getTo());
        LocalDate today = LocalDate.now(clock);
        if (from.isAfter(to)) {
            throw Problems.rule("/from", "The first month (" + Words.month(from) + ") is after the last (" + Words.month(to) + ").");
        }
        if (to.isAfter(YearMonth.from(today))) {
            throw Problems.rule("/to", "The last month (" + Words.month(to) + ") has not begun yet.");
        }
        if (ChronoUnit.MONTHS.between(from, to) + 1 > MeasurePeriod.MAX_MONTHS) {
            throw Problems.rule("/from", "A pack covers at most " + MeasurePeriod.MAX_MONTHS + " months.");
        }
        // Checked now, as the caller: 403 or 404 here; the pack is then made aggregate-only whoever asked.
        MeasureTarget target = measures.target(caller, body.getScope(), body.getScope() == MeasureScopeKind.DIRECTORATE ? null
                : body.getScopeId(), true);
        String id = Ids.newId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.insert(new EvidencePackStore.Row(id, caller.organisationId(), caller.accountId(), target.kind().getValue(), target.id(),
                target.name(), from.atDay(1), to.atDay(1), EvidencePackStore.QUEUED, 0, 0, null, now, null, null));
        idempotency.remember(caller, idempotencyKey, OPERATION, body, id);
        activityLog.record(caller, "EVIDENCE_PACK_REQUESTED", "evidence_pack", id,
                target.name() + ", " + Words.period(from, to));
        return new Requested(view(store.find(id).orElseThrow()), false);
    }

    @Transactional
    public EvidencePack get(Caller caller, UUID id) {
        return view(own(caller, id.toString()));
    }

    @Transactional
    public EvidencePackPage list(Caller caller, Integer limit, String cursor) {
        int n = Cursor.limit(limit);
        After after = Cursor.decode(CursorList.EVIDENCE_PACKS, cursor, 2, keys -> new After(Instant.parse(keys.get(0)), keys.get(1)));
        List<EvidencePackStore.Row> rows = store.page(caller.accountId(), after == null ? null : after.at(),
                after == null ? null : after.id(), n + 1);
        boolean more = rows.size() > n;
        List<EvidencePackStore.Row> shown = more ? rows.subList(0, n) : rows;
        Map<String, List<EvidencePackStore.FileInfo>> files = store.files(shown.stream()
                .filter(r -> EvidencePackStore.READY.equals(r.status())).map(EvidencePackStore.Row::id).toList());
        EvidencePackPage page = new EvidencePackPage(shown.stream().map(r -> view(r, files.getOrDefault(r.id(), List.of()))).toList());
        if (more) {
            EvidencePackStore.Row last = shown.get(shown.size() - 1);
            page.setNextCursor(Cursor.encode(CursorList.EVIDENCE_PACKS, last.requestedAt().toString(), last.id()));
        }
        return page;
    }

    @Transactional
    public Download download(Caller caller, UUID id, String fileName) {
        EvidencePackStore.Row row = own(caller, id.toString());
        if (!EvidencePackStore.READY.equals(row.status())) {
            throw Problems.conflict(EvidencePackStore.FAILED.equals(row.status())
                    ? "This evidence pack could not be made, so it has no files. Ask for a new one."
                    : "This evidence pack is still being made. Its files can be downloaded once it is ready.");
        }
        EvidencePackStore.Content content = store.content(row.id(), fileName)
                .orElseThrow(() -> Problems.notFound("The file " + fileName + " of this evidence pack"));
        return new Download(fileName, content.mediaType(), content.bytes());
    }

    /** The pack, if the caller asked for it: another organisation's (or none) is 404, a colleague's 403. */
    private EvidencePackStore.Row own(Caller caller, String id) {
        EvidencePackStore.Row row = store.find(id).filter(r -> r.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Evidence pack " + id));
        if (!row.requestedBy().equals(caller.accountId())) {
            throw Problems.forbidden(NOT_YOURS);
        }
        return row;
    }

    private EvidencePack view(EvidencePackStore.Row r) {
        List<EvidencePackStore.FileInfo> files = EvidencePackStore.READY.equals(r.status())
                ? store.files(List.of(r.id())).getOrDefault(r.id(), List.of()) : List.of();
        return view(r, files);
    }

    static EvidencePack view(EvidencePackStore.Row r, List<EvidencePackStore.FileInfo> files) {
        MeasureScopeRef scope = new MeasureScopeRef(MeasureScopeKind.fromValue(r.scopeKind()), r.scopeName());
        scope.setId(r.scopeId() == null ? null : UUID.fromString(r.scopeId()));
        EvidencePack p = new EvidencePack(UUID.fromString(r.id()), scope, YearMonth.from(r.fromMonth()).toString(),
                YearMonth.from(r.toMonth()).toString(), EvidencePackStatus.fromValue(r.status()), r.stepsDone(), r.stepsTotal(),
                r.requestedAt().atOffset(ZoneOffset.UTC),
                files.stream().map(f -> new EvidencePackFile(f.name(), f.title(), f.mediaType(), f.bytes())).toList());
        p.setFinishedAt(r.finishedAt() == null ? null : r.finishedAt().atOffset(ZoneOffset.UTC));
        p.setFailure(r.failure());
        return p;
    }

    private static YearMonth month(String pointer, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw Problems.invalid(pointer, "A month is written as YYYY-MM, for example 2026-11.");
        }
    }

    private record After(Instant at, String id) {
    }
}
