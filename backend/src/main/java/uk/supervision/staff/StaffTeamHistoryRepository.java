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
}
