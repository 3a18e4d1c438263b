package uk.supervision.security;

/** Names of the claims this service puts in its access tokens beside sub, exp and roles. */
final class Claims {
    static final String ORGANISATION = "org";
    static final String STAFF = "staff";
    static final String NAME = "name";
    static final String MANAGED_SERVICES = "svc";
    static final String MANAGES_ORGANISATION = "svcAll";
    static final String CLIENT = "client";
    static final String SCOPE = "scope";
    static final String KIND = "kind";
    /** The account's token generation when the token was issued (decision 0008). */
    static final String GENERATION = "gen";

    private Claims() {
    }
}
