package uk.supervision.support;

import uk.supervision.problem.Problems;

/** Strong entity tags from a resource's version; updates must send If-Match with the current one. */
public final class ETags {
    private ETags() {
    }

    public static String of(int version) {
        return "\"v" + version + "\"";
    }

    /** 428 when If-Match is missing, 412 when it names another version. */
    public static void requireCurrent(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        if (!of(currentVersion).equals(ifMatch.trim())) {
            throw Problems.preconditionFailed(currentVersion);
        }
    }
}
