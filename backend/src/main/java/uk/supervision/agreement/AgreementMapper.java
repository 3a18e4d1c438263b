package uk.supervision.agreement;

import uk.supervision.api.model.AgreementAnswer;
import uk.supervision.api.model.AgreementParty;
import uk.supervision.api.model.AgreementStatus;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Agreement entity -> the wire schema. */
final class AgreementMapper {
    private AgreementMapper() {
    }

    static uk.supervision.api.model.Agreement toDto(Agreement a, List<AgreementAnswer> answers, Map<String, Staff> staff,
                                                   List<AgreementSignature> signatures) {
        uk.supervision.api.model.Agreement dto = new uk.supervision.api.model.Agreement(UUID.fromString(a.id()),
                AgreementStatus.fromValue(a.status()), a.versionNumber(), StaffMapper.ref(staff.get(a.superviseeId())),
                StaffMapper.ref(staff.get(a.supervisorId())), UUID.fromString(a.templateId()), a.durationMinutes(), a.location(),
                answers, signatures.stream().map(s -> new uk.supervision.api.model.AgreementSignature(
                        AgreementParty.fromValue(s.party()), StaffMapper.ref(staff.get(s.signerStaffId())),
                        s.signedAt().atOffset(ZoneOffset.UTC), s.contentHash())).toList(),
                a.version(), a.createdAt().atOffset(ZoneOffset.UTC), a.updatedAt().atOffset(ZoneOffset.UTC));
        if (a.previousVersionId() != null) {
            dto.setPreviousVersionId(UUID.fromString(a.previousVersionId()));
        }
        dto.setIntervalWeeks(a.intervalWeeks());
        dto.setEscalationPeriod(a.escalationPeriod());
        dto.setContentHash(a.contentHash());
        dto.setSignedAt(a.signedAt() == null ? null : a.signedAt().atOffset(ZoneOffset.UTC));
        dto.setReviewDue(a.reviewDue());
        return dto;
    }
}
