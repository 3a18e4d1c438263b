package uk.supervision.staff;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffTeamHistoryRepository extends CrudRepository<StaffTeamHistory, String> {
    List<StaffTeamHistory> findByStaffIdOrderByFromDateAsc(String staffId);

    /** Closes the open period (if any) the day before a move, or on the leaving date. */
    @Query("UPDATE staff_team_history SET to_date = :toDate WHERE staff_id = :staffId AND to_date IS NULL")
    long closeOpenPeriod(String staffId, LocalDate toDate);

    /**
     * A move from a day replaces every placement from that day on: one that starts on or after it is covered by the
     * new (open) placement and goes; one that starts before it and runs into it ends the day before. A back-dated
     * move therefore never leaves two placements on one day.
     */
    @Query("DELETE FROM staff_team_history WHERE staff_id = :staffId AND from_date >= :from")
    long removeFrom(String staffId, LocalDate from);

    @Query("UPDATE staff_team_history SET to_date = :dayBefore WHERE staff_id = :staffId AND from_date < :from "
            + "AND (to_date IS NULL OR to_date >= :from)")
    long endBefore(String staffId, LocalDate from, LocalDate dayBefore);
}
