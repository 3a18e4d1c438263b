package uk.supervision.session;

import uk.supervision.api.model.SessionKind;
import uk.supervision.api.model.SessionParty;
import uk.supervision.api.model.SessionStatus;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class SessionMapper {
    private SessionMapper() {
    }

    static uk.supervision.api.model.Session toDto(SupervisionSession s, List<String> superviseeIds, Map<String, Staff> staff) {
        uk.supervision.api.model.Session dto = new uk.supervision.api.model.Session(UUID.fromString(s.id()),
                SessionKind.fromValue(s.kind()), SessionStatus.fromValue(s.status()), StaffMapper.ref(staff.get(s.supervisorId())),
                superviseeIds.stream().map(id -> StaffMapper.ref(staff.get(id))).toList(), s.meetingDate(), s.startTime(),
                s.plannedMinutes(), s.location(), s.version(), s.createdAt().atOffset(ZoneOffset.UTC), s.updatedAt().atOffset(ZoneOffset.UTC));
        dto.setSeriesId(s.seriesId() == null ? null : UUID.fromString(s.seriesId()));
        dto.setActualMinutes(s.actualMinutes());
        dto.setInterruptedBy(s.interruptedBy());
        dto.setCancelledBy(s.cancelledBy() == null ? null : SessionParty.fromValue(s.cancelledBy()));
        dto.setStatusReason(s.statusReason());
        dto.setRebookedAsId(s.rebookedAsId() == null ? null : UUID.fromString(s.rebookedAsId()));
        dto.setRebookedFromId(s.rebookedFromId() == null ? null : UUID.fromString(s.rebookedFromId()));
        return dto;
    }
}
