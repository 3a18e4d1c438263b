package uk.supervision.staff;

import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.api.model.StaffCategory;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.TeamRef;

import java.time.ZoneOffset;
import java.util.UUID;

/** Staff entity (with names joined) -> the wire schema. */
public final class StaffMapper {
    private StaffMapper() {
    }

    public static uk.supervision.api.model.Staff toDto(StaffView view) {
        Staff s = view.staff();
        uk.supervision.api.model.Staff dto = new uk.supervision.api.model.Staff(UUID.fromString(s.id()), s.givenName(),
                s.familyName(), s.displayName(), s.email(), s.jobTitle(), StaffCategory.valueOf(s.category()),
                EmploymentType.valueOf(s.employmentType()), s.weeklyHours().doubleValue(), s.employmentStartDate(),
                s.postStartDate(), s.carriesCaseload(), s.version(), s.createdAt().atOffset(ZoneOffset.UTC),
                s.updatedAt().atOffset(ZoneOffset.UTC));
        dto.setExternalRef(s.externalRef());
        dto.setCaseloadSize(s.caseloadSize());
        if (s.teamId() != null) {
            dto.setTeam(new TeamRef(UUID.fromString(s.teamId()), view.teamName()));
        }
        if (s.serviceId() != null) {
            dto.setService(new ServiceRef(UUID.fromString(s.serviceId()), view.serviceName()));
        }
        dto.setSupervisor(view.supervisor());
        dto.setLeavingDate(s.leavingDate());
        dto.setLeavingReason(s.leavingReason());
        dto.setSupervisionTrainingCompletedOn(view.trainingCompletedOn());
        return dto;
    }

    public static uk.supervision.api.model.StaffAttributePeriod toDto(AttributeTimeline.Period p) {
        StaffAttributes v = p.values();
        var dto = new uk.supervision.api.model.StaffAttributePeriod(p.from(), StaffCategory.valueOf(v.category()),
                EmploymentType.valueOf(v.employmentType()), v.weeklyHours().doubleValue(), v.carriesCaseload());
        dto.setEffectiveTo(p.to());
        dto.setCaseloadSize(v.caseloadSize());
        return dto;
    }

    public static uk.supervision.api.model.StaffAttributeChange toDto(StaffAttributeChange c) {
        var dto = new uk.supervision.api.model.StaffAttributeChange(c.effectiveFrom(), c.recordedAt().atOffset(ZoneOffset.UTC));
        dto.setCategory(c.category() == null ? null : StaffCategory.valueOf(c.category()));
        dto.setEmploymentType(c.employmentType() == null ? null : EmploymentType.valueOf(c.employmentType()));
        dto.setWeeklyHours(c.weeklyHours() == null ? null : c.weeklyHours().doubleValue());
        dto.setCarriesCaseload(c.carriesCaseload());
        dto.setCaseloadSize(c.caseloadSize());
        return dto;
    }

    public static StaffRef ref(Staff s) {
        StaffRef ref = new StaffRef(UUID.fromString(s.id()), s.displayName());
        ref.setJobTitle(s.jobTitle());
        return ref;
    }
}
