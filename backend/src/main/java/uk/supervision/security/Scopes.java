package uk.supervision.security;

/** OAuth2 scopes a machine client can be granted (the Scope enum of openapi.yaml). */
public final class Scopes {
    public static final String STAFF_READ = "staff.read";
    public static final String STAFF_WRITE = "staff.write";

    private Scopes() {
    }
}
