package uk.supervision.support;

import uk.supervision.problem.Problems;

/** Strong entity tags from a resource's version; updates must send If-Match with the current one. */
public final class ETags {
    private ETags() {
    }

    public static String of(int version) {
        return "\"v" + version + "\"";
    }

    /**
     * 428 when If-Match is missing or {@code *}, 412 when it names another version. {@code *} only says
     * "if it exists", which every resource here does: it would let a resend overwrite a version its
     * sender never saw, so it is refused as no precondition at all (decision 0018).
     */
    public static void requireCurrent(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        if (ifMatch.trim().equals("*")) {
            throw Problems.anyVersionRefused();
        }
        if (!of(currentVersion).equals(ifMatch.trim())) {
            throw Problems.preconditionFailed(currentVersion);
        }
    }

    /**
     * For signing a draft: an ETag of any version since the content last changed names what is being signed (the
     * other party's signature in between changes the version, not the content); otherwise as {@link #requireCurrent}.
     */
    public static void requireSignable(String ifMatch, boolean draft, int currentVersion, int contentVersion) {
        if (ifMatch != null && draft) {
            for (int v = Math.max(1, contentVersion); v < currentVersion; v++) {
                if (of(v).equals(ifMatch.trim())) {
                    return;
                }
            }
        }
        requireCurrent(ifMatch, currentVersion);
    }
}
