package uk.supervision.agreement;

import jakarta.inject.Singleton;
import uk.supervision.integrity.Canonical;
import uk.supervision.integrity.HashChain;
import uk.supervision.integrity.SignedContentSource;
import uk.supervision.integrity.SignedItem;
import uk.supervision.integrity.SignedItemRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A signed agreement's content, kept once in the append-only signed_item table when it becomes active
 * and chained to the organisation's previous signed item. Reads of a signed agreement come from it, so a
 * later change to the agreement row changes nothing anyone sees (and verification reports it).
 */
@Singleton
public class AgreementSnapshots implements SignedContentSource {
    private final AgreementRepository agreements;
    private final AgreementSignatureRepository signatures;
    private final SignedItemRepository items;
    private final HashChain chain;
    private final Canonical canonical;

    public AgreementSnapshots(AgreementRepository agreements, AgreementSignatureRepository signatures, SignedItemRepository items,
                              HashChain chain, Canonical canonical) {
        this.agreements = agreements;
        this.signatures = signatures;
        this.items = items;
        this.chain = chain;
        this.canonical = canonical;
    }

    /** A signed agreement as it was locked: the content and both signatures. */
    public record Signed(Agreement agreement, List<AgreementSignature> signatures) {
    }

    @Override
    public List<String> itemTypes() {
        return List.of(SignedItem.AGREEMENT);
    }

    @Override
    public Optional<String> liveContent(String itemType, String agreementId) {
        return agreements.findById(agreementId).map(a -> content(a, signatures.findByAgreementIdInOrderBySignedAt(List.of(agreementId))));
    }

    /** Called in the signing transaction, after the agreement row became active. */
    void lock(String agreementId) {
        Agreement a = agreements.findById(agreementId).orElseThrow();
        chain.append(a.organisationId(), SignedItem.AGREEMENT, a.id(), liveContent(SignedItem.AGREEMENT, agreementId).orElseThrow());
    }

    /** The terms the schedule and session planning use, as signed (null interval: the agreement sets none). */
    public record SignedTerms(Integer intervalWeeks, Instant signedAt) {
    }

    /**
     * The signed terms of those of the given agreements that have a snapshot, by agreement id, in one query:
     * the agreement row stays writable by the application, so what was agreed is read from the chain.
     */
    public Map<String, SignedTerms> signedTerms(Collection<String> agreementIds) {
        Map<String, SignedTerms> out = new HashMap<>();
        if (agreementIds.isEmpty()) {
            return out;
        }
        for (SignedItem item : items.findByItemTypeAndItemIdIn(SignedItem.AGREEMENT, agreementIds)) {
            out.put(item.itemId(), signedTerms(item.contentJson(), item.createdAt()));
        }
        return out;
    }

    /** The terms in a signed agreement's locked content (for a caller that read the signed_item row itself). */
    public SignedTerms signedTerms(String contentJson, Instant lockedAt) {
        Map<String, Object> c = canonical.read(contentJson);
        String interval = blank(c.get("intervalWeeks"));
        String signedAt = blank(c.get("signedAt"));
        return new SignedTerms(interval == null ? null : Integer.valueOf(interval), signedAt == null ? lockedAt : Instant.parse(signedAt));
    }

    /** The locked content of those of the given agreements that are signed, by id. */
    Map<String, Signed> signed(Collection<Agreement> rows) {
        Map<String, Signed> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        Map<String, Agreement> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        for (SignedItem item : items.findByItemTypeAndItemIdIn(SignedItem.AGREEMENT, byId.keySet())) {
            out.put(item.itemId(), read(byId.get(item.itemId()), canonical.read(item.contentJson())));
        }
        return out;
    }

    private String content(Agreement a, List<AgreementSignature> rows) {
        Map<String, Object> c = new TreeMap<>();
        c.put("agreementId", a.id());
        c.put("organisationId", a.organisationId());
        c.put("versionNumber", a.versionNumber());
        c.put("previousVersionId", Canonical.text(a.previousVersionId()));
        c.put("supervisee", a.superviseeId());
        c.put("supervisor", a.supervisorId());
        c.put("template", a.templateId());
        c.put("intervalWeeks", Canonical.text(a.intervalWeeks()));
        c.put("durationMinutes", a.durationMinutes());
        c.put("location", a.location());
        c.put("escalationPeriod", Canonical.text(a.escalationPeriod()));
        c.put("answers", a.answersJson());
        c.put("contentHash", Canonical.text(a.contentHash()));
        c.put("signedAt", Canonical.text(a.signedAt()));
        c.put("reviewDue", Canonical.text(a.reviewDue()));
        List<Map<String, Object>> signed = new ArrayList<>();
        rows.stream().sorted(Comparator.comparing(AgreementSignature::signedAt).thenComparing(AgreementSignature::id)).forEach(s -> {
            Map<String, Object> m = new TreeMap<>();
            m.put("id", s.id());
            m.put("party", s.party());
            m.put("signer", s.signerStaffId());
            m.put("account", s.signerAccountId());
            m.put("signedAt", s.signedAt().toString());
            m.put("contentHash", s.contentHash());
            signed.add(m);
        });
        c.put("signatures", signed);
        return canonical.write(c);
    }

    /** The row's workflow state (active or superseded, version) with the signed content. */
    @SuppressWarnings("unchecked")
    private static Signed read(Agreement row, Map<String, Object> c) {
        String status = row.isOpen() ? Agreement.ACTIVE : row.status();
        String interval = Canonical.text(c.get("intervalWeeks"));
        Agreement a = new Agreement(row.id(), (String) c.get("organisationId"), (String) c.get("supervisee"), (String) c.get("supervisor"),
                (String) c.get("template"), blank(c.get("previousVersionId")), ((Number) c.get("versionNumber")).intValue(), status,
                interval.isEmpty() ? null : Integer.valueOf(interval), ((Number) c.get("durationMinutes")).intValue(),
                (String) c.get("location"), blank(c.get("escalationPeriod")), (String) c.get("answers"), blank(c.get("contentHash")),
                blank(c.get("signedAt")) == null ? null : Instant.parse((String) c.get("signedAt")),
                blank(c.get("reviewDue")) == null ? null : LocalDate.parse((String) c.get("reviewDue")),
                row.version(), row.createdAt(), row.updatedAt());
        List<AgreementSignature> sigs = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) c.get("signatures")) {
            sigs.add(new AgreementSignature((String) s.get("id"), row.id(), (String) s.get("party"), (String) s.get("signer"),
                    (String) s.get("account"), Instant.parse((String) s.get("signedAt")), (String) s.get("contentHash")));
        }
        return new Signed(a, sigs);
    }

    private static String blank(Object value) {
        String s = Canonical.text(value);
        return s.isEmpty() ? null : s;
    }
}
