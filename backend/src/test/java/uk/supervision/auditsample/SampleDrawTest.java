package uk.supervision.auditsample;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleDrawTest {
    private static final List<String> POPULATION = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("id-%03d", i)).toList();

    @Test
    void theSameSeedOverTheSamePopulationGivesTheSameSampleWhateverOrderItWasReadIn() {
        List<String> shuffled = new ArrayList<>(POPULATION);
        Collections.reverse(shuffled);
        List<String> first = SampleDraw.draw(POPULATION, 8, 20261001L);
        assertEquals(first, SampleDraw.draw(POPULATION, 8, 20261001L));
        assertEquals(first, SampleDraw.draw(shuffled, 8, 20261001L));
        assertEquals(8, new HashSet<>(first).size(), "no file drawn twice");
        assertTrue(POPULATION.containsAll(first));
    }

    @Test
    void anotherSeedGivesAnotherSample() {
        assertNotEquals(SampleDraw.draw(POPULATION, 8, 1L), SampleDraw.draw(POPULATION, 8, 2L));
    }

    @Test
    void theDrawIsThePartialFisherYatesOfSplittableRandom() {
        List<String> pool = new ArrayList<>(POPULATION);
        java.util.SplittableRandom random = new java.util.SplittableRandom(42L);
        for (int i = 0; i < 3; i++) {
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        assertEquals(pool.subList(0, 3), SampleDraw.draw(POPULATION, 3, 42L));
    }

    @Test
    void sizeBounds() {
        assertEquals(List.of(), SampleDraw.draw(POPULATION, 0, 7L));
        List<String> all = SampleDraw.draw(POPULATION, 40, 7L);
        assertEquals(new HashSet<>(POPULATION), new HashSet<>(all), "the whole population, in the order drawn");
        assertThrows(IllegalArgumentException.class, () -> SampleDraw.draw(POPULATION, 41, 7L));
        assertThrows(IllegalArgumentException.class, () -> SampleDraw.draw(POPULATION, -1, 7L));
        assertThrows(IllegalArgumentException.class, () -> SampleDraw.draw(List.of(), 1, 7L));
    }
}
