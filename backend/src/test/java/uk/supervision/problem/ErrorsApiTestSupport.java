package uk.supervision.problem;

import uk.supervision.testing.Api;

/** Lets tests outside this package assert on problems the same way ErrorsApiTest does. */
public final class ErrorsApiTestSupport {
    private ErrorsApiTestSupport() {
    }

    public static void assertProblem(Api.Response r, int status, String type) {
        ErrorsApiTest.assertProblem(r, status, type);
    }
}
