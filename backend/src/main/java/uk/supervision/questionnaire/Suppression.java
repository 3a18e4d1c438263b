package uk.supervision.questionnaire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which groups of Part 2 aggregates may be shown (DOMAIN section 8), over the whole organisation's tree
 * (directorate &gt; service &gt; team &gt; supervisor-within-team), before any caller's view is cut out of it:
 * <ol>
 *   <li>a group of fewer than the minimum is suppressed (FEWER_THAN_MINIMUM);</li>
 *   <li>a shown group whose respondents differ from a shown group it lies in by fewer than the minimum (but more
 *       than none) is suppressed (DIFFERENCING): subtracting one from the other would show a few people's answers;</li>
 *   <li>for every shown group and each level below it, what its shown descendants at that level leave unaccounted
 *       for (the residual) must be none or at least the minimum; while it is not, the smallest shown descendant at
 *       that level is suppressed (DIFFERENCING) and the residual recomputed;</li>
 *   <li>every group inside a suppressed group is suppressed too (DIFFERENCING), so the shown groups always include
 *       the groups they lie in. Otherwise a shown group under a suppressed one could be subtracted, together with a
 *       shown group of another branch, from a shown ancestor: with 19 in the directorate, 12 in one service shown
 *       and 6 in a team of a suppressed service shown, the one person of a third service would be laid bare. With
 *       the shown groups closed upwards, everything that can be worked out is a sum of residuals of rule 3, each
 *       none or at least the minimum.</li>
 * </ol>
 * Pure: no database, no clock.
 */
public final class Suppression {
    public enum Reason { FEWER_THAN_MINIMUM, DIFFERENCING }

    /** One group: its id, the group it lies in (null for the root), its depth (0 = directorate) and its respondents. */
    public record Node(String id, String parentId, int depth, int respondents) {
    }

    private Suppression() {
    }

    /** The suppressed groups and why; every group not in the map is shown. */
    public static Map<String, Reason> decide(List<Node> nodes, int minimum) {
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Map<String, Reason> suppressed = new HashMap<>();
        // (1) too few
        for (Node n : nodes) {
            if (n.respondents() < minimum) {
                suppressed.put(n.id(), Reason.FEWER_THAN_MINIMUM);
            }
        }
        // (2) a shown group against every shown group it lies in, top down so an ancestor's own fate is settled first
        List<Node> topDown = new ArrayList<>(nodes);
        topDown.sort(Comparator.comparingInt(Node::depth).thenComparing(Node::id));
        for (Node n : topDown) {
            if (suppressed.containsKey(n.id())) {
                continue;
            }
            for (Node a = parent(byId, n); a != null; a = parent(byId, a)) {
                int diff = a.respondents() - n.respondents();
                if (!suppressed.containsKey(a.id()) && diff > 0 && diff < minimum) {
                    suppressed.put(n.id(), Reason.DIFFERENCING);
                    break;
                }
            }
        }
        // (3) residuals, repeated until nothing changes: one suppression can open another group's residual
        int deepest = nodes.stream().mapToInt(Node::depth).max().orElse(0);
        boolean changed = true;
        while (changed) {
            changed = closeDownwards(byId, nodes, suppressed);
            for (Node p : topDown) {
                if (suppressed.containsKey(p.id())) {
                    continue;
                }
                for (int level = p.depth() + 1; level <= deepest; level++) {
                    while (true) {
                        List<Node> shown = new ArrayList<>();
                        for (Node d : nodes) {
                            if (d.depth() == level && !suppressed.containsKey(d.id()) && liesIn(byId, d, p)) {
                                shown.add(d);
                            }
                        }
                        int residual = p.respondents() - shown.stream().mapToInt(Node::respondents).sum();
                        if (residual <= 0 || residual >= minimum || shown.isEmpty()) {
                            break;
                        }
                        Node smallest = shown.stream().min(Comparator.comparingInt(Node::respondents).thenComparing(Node::id)).orElseThrow();
                        suppressed.put(smallest.id(), Reason.DIFFERENCING);
                        changed = true;
                    }
                }
            }
        }
        return suppressed;
    }

    /** Rule 4: a group inside a suppressed group is suppressed; true when that changed anything. */
    private static boolean closeDownwards(Map<String, Node> byId, List<Node> nodes, Map<String, Reason> suppressed) {
        boolean changed = false;
        for (Node n : nodes) {
            if (suppressed.containsKey(n.id())) {
                continue;
            }
            for (Node a = parent(byId, n); a != null; a = parent(byId, a)) {
                if (suppressed.containsKey(a.id())) {
                    suppressed.put(n.id(), Reason.DIFFERENCING);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    private static Node parent(Map<String, Node> byId, Node n) {
        return n.parentId() == null ? null : byId.get(n.parentId());
    }

    private static boolean liesIn(Map<String, Node> byId, Node d, Node p) {
        for (Node a = parent(byId, d); a != null; a = parent(byId, a)) {
            if (Objects.equals(a.id(), p.id())) {
                return true;
            }
        }
        return false;
    }
}
