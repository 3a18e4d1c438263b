package uk.supervision.problem;

/** The kinds of problem the API reports; each has a stable type URI that clients may switch on. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "The request could not be read"),
    VALIDATION("validation", "Some fields are not valid"),
    UNAUTHORIZED("unauthorized", "Sign-in required"),
    INVALID_CREDENTIALS("invalid-credentials", "Username or password not recognised"),
    INVALID_TOKEN("invalid-token", "The token is not valid"),
    FORBIDDEN("forbidden", "You do not have access to this"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "Response type not available"),
    CONFLICT("conflict", "Conflicts with the current state"),
    PRECONDITION_FAILED("stale-version", "The record has changed since you read it"),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Content type not supported"),
    BUSINESS_RULE("business-rule", "This breaks a rule of the service"),
    PRECONDITION_REQUIRED("if-match-required", "If-Match header required"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many attempts"),
    INTERNAL("internal", "Something went wrong on our side"),
    UNAVAILABLE("unavailable", "The service is temporarily unavailable");

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String uri() {
        return "urn:supervision:problem:" + slug;
    }

    public String title() {
        return title;
    }
}
