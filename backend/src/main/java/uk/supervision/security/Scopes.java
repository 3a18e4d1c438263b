package uk.supervision.security;

/** OAuth2 scopes a machine client can be granted (the Scope enum of openapi.yaml). */
public final class Scopes {
    public static final String STAFF_READ = "staff.read";
    public static final String STAFF_WRITE = "staff.write";
    /** The case-management system adds children and reallocates them. */
    public static final String CHILDREN_WRITE = "children:write";
    /** The case-management system reads signed decisions about children and acknowledges filing them. */
    public static final String CASE_DECISIONS_READ = "case-decisions:read";
    // issue 10: measures service
    /** Reporting tools read the measures as aggregates (small groups suppressed). */
    public static final String MEASURES_READ = "measures:read";

    private Scopes() {
    }
}
