package uk.supervision.measure;

import uk.supervision.staff.Staff;
import uk.supervision.testing.Fixtures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;

/**
 * Monthly facts written straight into measure_person_month, and the per-team sums made from them with the same
 * column definitions the product uses (FactColumns): figures whose every number a test can work out by hand.
 */
final class MeasureFacts {
    private MeasureFacts() {
    }

    /** A counted person in a month: on track or not, with a signed agreement or not; nothing else counted. */
    static void person(Fixtures fixtures, Staff s, YearMonth month, boolean withinInterval, boolean agreementSigned) {
        person(fixtures, s, month, withinInterval, agreementSigned, 0);
    }

    /** As above, with records due that month (session records of one-to-ones held, none of them signed yet): a flow. */
    static void person(Fixtures fixtures, Staff s, YearMonth month, boolean withinInterval, boolean agreementSigned, int recordsDue) {
        fixtures.execute("INSERT INTO measure_person_month (organisation_id, month_start, staff_id, team_id, service_id, supervisor_id,"
                        + " excluded_because, category, employment_type, agreement_signed, agreement_review_overdue, within_interval,"
                        + " past_longest_gap, in_breach, longest_gap_days, one_to_one_held, group_held, held_last_12_months,"
                        + " meets_annual_minimum, cancelled, cancelled_rebooked, minutes_held, minutes_counted_sessions, held_below_minimum,"
                        + " records_due, records_signed_both, signature_days_total, signature_days_count, actions_overdue, is_manager,"
                        + " carries_caseload, training_due, trained_in_time, caseload, caseload_above_level, computed_at)"
                        + " VALUES (?, ?, ?, ?, ?, NULL, NULL, 'REGISTERED_SOCIAL_WORKER', 'PERMANENT', ?, FALSE, ?, FALSE, FALSE, NULL,"
                        + " 0, 0, 0, NULL, 0, 0, 0, 0, 0, ?, 0, 0, 0, 0, FALSE, FALSE, FALSE, FALSE, NULL, FALSE, ?)",
                s.organisationId(), Date.valueOf(month.atDay(1)), s.id(), s.teamId(), s.serviceId(), agreementSigned, withinInterval,
                recordsDue, Timestamp.from(Instant.now()));
    }

    /** The per-team rows of an organisation, summed from its people's rows (people in no team under their service). */
    static void teams(Fixtures fixtures, String organisationId, Instant computedAt) {
        fixtures.execute("DELETE FROM measure_team_month WHERE organisation_id = ?", organisationId);
        fixtures.execute("INSERT INTO measure_team_month (organisation_id, month_start, service_id, team_key, team_id, "
                        + FactColumns.columnList() + ", computed_at) SELECT organisation_id, month_start, COALESCE(service_id, ''),"
                        + " COALESCE(team_id, COALESCE(service_id, '')), team_id, " + FactColumns.fromPeopleList() + ", ?"
                        + " FROM measure_person_month WHERE organisation_id = ? GROUP BY organisation_id, month_start, service_id, team_id",
                Timestamp.from(computedAt), organisationId);
    }
}
