package uk.supervision.measure;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.audit.Quarter;
import uk.supervision.testing.ApiTest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.supervision.measure.CaseworkMeasuresTest.LONDON;
import static uk.supervision.measure.CaseworkMeasuresTest.directorate;
import static uk.supervision.measure.CaseworkMeasuresTest.service;
import static uk.supervision.measure.CaseworkMeasuresTest.team;

/**
 * Part 2 per statement over anonymous responses written as answering writes them (no respondent, only a quarter),
 * with the results page's suppression (minimum 5 under Coventry 2016).
 */
@MicronautTest(transactional = false)
class QuestionnaireMeasureTest extends ApiTest {
    private final LocalDate today = LocalDate.now(LONDON);

    @Inject
    QuestionnaireMeasure measure;
    @Inject
    SourceFactsRefresher sourceFacts;

    @Test
    void aGroupOfExactlyTheMinimumIsShownAndOneFewerNeverIs() {
        Quarter current = Quarter.of(today);
        Quarter last = current.previous();
        Quarter before = last.previous();
        String supervisor = world.worker(world.teamA1(), "Priya", "Supervisor").id();
        String a1 = world.teamA1().id();
        String a2 = world.teamA2().id();
        String b1 = world.teamB1().id();
        String a = world.serviceA().id();
        String b = world.serviceB().id();
        // Last quarter: team A1 exactly 5 (s1 rated 1, 2, 2, 4, 3; the rest Good); team A2 5 (s1 Very good, the rest
        // Satisfactory); service B without a team 6 (s1 Very poor); team B1 4, one fewer than the minimum (s1 Good).
        for (int s1 : new int[]{1, 2, 2, 4, 3}) {
            response(last, supervisor, a1, a, s1, 2);
        }
        for (int i = 0; i < 5; i++) {
            response(last, supervisor, a2, a, 1, 3);
        }
        for (int i = 0; i < 6; i++) {
            response(last, supervisor, null, b, 5, 3);
        }
        for (int i = 0; i < 4; i++) {
            response(last, supervisor, b1, b, 2, 3);
        }
        // The quarter before: 2 in team A2. This quarter (still taking answers): 1 in team A1, never counted.
        response(before, supervisor, a2, a, 1, 1);
        response(before, supervisor, a2, a, 1, 1);
        response(current, supervisor, a1, a, 5, 5);

        sourceFacts.rebuild(world.org().id());
        String key = QuestionnaireMeasure.STATEMENTS;
        List<String> labels = fixtures.strings("SELECT i.label FROM template_item i JOIN policy_template t ON t.id = i.template_id JOIN organisation_policy p "
                + "ON p.profile_id = t.profile_id WHERE p.organisation_id = ? AND t.kind = 'QUESTIONNAIRE' ORDER BY t.version DESC, i.position", world.org().id());
        MeasurePeriod lastOnly = new MeasurePeriod(YearMonth.from(last.firstDay()), YearMonth.from(last.lastDay()), today);

        // Last quarter, directorate: 20 respondents; s1 Good or Very good: A1 3 + A2 5 + B 0 + B1 4 = 12 -> 0.6;
        // s2: A1's 5 of 20 -> 0.25.
        Figure all = measure.figures(directorate(world), lastOnly).get(key);
        assertEquals(20, all.groupSize());
        assertEquals(new Figure.Part(labels.get(0), 20L, 0.6), all.parts().get(0));
        assertEquals(new Figure.Part(labels.get(1), 20L, 0.25), all.parts().get(1));
        // Team A1, exactly the minimum: shown. s1: 3 of 5; s2..s9 all Good: 1.
        Figure teamA1 = measure.figures(team(world, world.teamA1()), lastOnly).get(key);
        assertEquals(5, teamA1.groupSize());
        assertEquals(new Figure.Part(labels.get(0), 5L, 0.6), teamA1.parts().get(0));
        assertEquals(new Figure.Part(labels.get(8), 5L, 1.0), teamA1.parts().get(8));
        // Team B1, one fewer: no statements at all, whoever asks; its 4 people still count in service B (10: s1 4 of 10).
        Figure teamB1 = measure.figures(team(world, world.teamB1()), lastOnly).get(key);
        assertEquals(4, teamB1.groupSize());
        assertTrue(teamB1.parts().isEmpty());
        assertNull(teamB1.value());
        assertEquals(new Figure.Part(labels.get(0), 10L, 0.4), measure.figures(service(world, b), lastOnly).get(key).parts().get(0));
        Map<String, Map<String, Figure>> teamsOfB = measure.breakdown(service(world, b), lastOnly, Set.of(key));
        assertTrue(teamsOfB.get(b1).get(key).parts().isEmpty());
        Map<String, Map<String, Figure>> services = measure.breakdown(directorate(world), lastOnly, Set.of(key));
        // Service A: s1 A1 3 + A2 5 = 8 of 10.
        assertEquals(new Figure.Part(labels.get(0), 10L, 0.8), services.get(a).get(key).parts().get(0));

        // Over both quarters (and this one, which is left out): team A2 has 7, but the quarter before alone was 2, so
        // showing 7 beside last quarter's 5 would give those 2 away: not shown; nor the directorate (2 then).
        MeasurePeriod both = new MeasurePeriod(YearMonth.from(before.firstDay()), YearMonth.from(today), today);
        Figure teamA2 = measure.figures(team(world, world.teamA2()), both).get(key);
        assertEquals(7, teamA2.groupSize());
        assertTrue(teamA2.parts().isEmpty());
        assertTrue(measure.figures(directorate(world), both).get(key).parts().isEmpty());
        // Team A1 had no one the quarter before: shown over both, the same 5 (this quarter's answer is not counted).
        assertEquals(new Figure.Part(labels.get(0), 5L, 0.6), measure.figures(team(world, world.teamA1()), both).get(key).parts().get(0));

        // Series: each month shows its quarter; the quarter before is suppressed (2), last quarter shown; none this quarter.
        Map<YearMonth, Figure> series = measure.series(directorate(world), key, both);
        List<YearMonth> expected = new ArrayList<>();
        for (YearMonth m = YearMonth.from(before.firstDay()); m.isBefore(YearMonth.from(current.firstDay())); m = m.plusMonths(1)) {
            expected.add(m);
        }
        assertEquals(expected, new ArrayList<>(series.keySet()));
        Figure early = series.get(YearMonth.from(before.firstDay()));
        assertEquals(2, early.groupSize());
        assertTrue(early.parts().isEmpty());
        assertEquals(new Figure.Part(labels.get(0), 20L, 0.6), series.get(YearMonth.from(last.lastDay())).parts().get(0));
        Map<YearMonth, Figure> a2Series = measure.seriesBreakdown(service(world, a), key, both).get(a2);
        assertTrue(a2Series.get(YearMonth.from(before.lastDay())).parts().isEmpty());
        assertEquals(new Figure.Part(labels.get(0), 5L, 1.0), a2Series.get(YearMonth.from(last.firstDay())).parts().get(0));

        // A person: the answers name no one.
        Figure person = measure.figures(CaseworkMeasuresTest.person(world, world.worker(world.teamA1(), "Sam", "Worker")), lastOnly).get(key);
        assertEquals(0, person.groupSize());
        assertTrue(person.parts().isEmpty());
    }

    /** One anonymous response: statement s1 rated as given, the other eight the same (1 = Very good ... 5 = Very poor). */
    private void response(Quarter quarter, String supervisor, String team, String service, int s1, int rest) {
        String id = UUID.randomUUID().toString();
        String template = fixtures.string("SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id "
                + "WHERE p.organisation_id = ? AND t.kind = 'QUESTIONNAIRE' ORDER BY t.version DESC", world.org().id());
        fixtures.execute("INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, service_id, "
                + "audit_id, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)", id, world.org().id(), template, quarter.toString(),
                supervisor, team, service);
        for (int i = 1; i <= 9; i++) {
            fixtures.execute("INSERT INTO questionnaire_answer (response_id, item_key, rating) VALUES (?, ?, ?)", id, "s" + i, i == 1 ? s1 : rest);
        }
    }
}
