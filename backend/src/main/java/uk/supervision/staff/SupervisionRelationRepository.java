package uk.supervision.staff;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SupervisionRelationRepository extends CrudRepository<SupervisionRelation, String> {

    @Query("SELECT * FROM supervision_relation WHERE supervisor_id IN (:supervisorIds) AND from_date <= :day "
            + "AND (to_date IS NULL OR to_date >= :day) ORDER BY from_date, id")
    List<SupervisionRelation> findCurrentBySupervisors(Collection<String> supervisorIds, LocalDate day);

    @Query("SELECT * FROM supervision_relation WHERE supervisee_id IN (:superviseeIds) AND from_date <= :day "
            + "AND (to_date IS NULL OR to_date >= :day) ORDER BY from_date, id")
    List<SupervisionRelation> findCurrentBySupervisees(Collection<String> superviseeIds, LocalDate day);

    List<SupervisionRelation> findBySuperviseeIdOrderByFromDateAsc(String superviseeId);

    /** The supervisee's supervisor on a day (the latest to start, if old rows overlap: the query orders by from_date), or null. */
    default String currentSupervisorId(String superviseeId, LocalDate day) {
        List<SupervisionRelation> current = findCurrentBySupervisees(List.of(superviseeId), day);
        return current.isEmpty() ? null : current.get(current.size() - 1).supervisorId();
    }

    /** Ends the supervisee's relations still open on a day (they end that day). */
    @Query("UPDATE supervision_relation SET to_date = :lastDay WHERE supervisee_id = :superviseeId "
            + "AND from_date <= :lastDay AND (to_date IS NULL OR to_date > :lastDay)")
    long endOpenForSupervisee(String superviseeId, LocalDate lastDay);

    /** Ends every relation in which the person supervises, on their last day. */
    @Query("UPDATE supervision_relation SET to_date = :lastDay WHERE supervisor_id = :supervisorId "
            + "AND from_date <= :lastDay AND (to_date IS NULL OR to_date > :lastDay)")
    long endOpenForSupervisor(String supervisorId, LocalDate lastDay);

    /** Relations of a person (either side) that would start after their last day: they never take effect. */
    @Query("DELETE FROM supervision_relation WHERE (supervisor_id = :staffId OR supervisee_id = :staffId) AND from_date > :lastDay")
    long deleteStartingAfter(String staffId, LocalDate lastDay);
}
