package io.journeyengine.api.problem;

import java.io.IOException;

/** Thrown while reading a request body that turns out to be longer than the limit (chunked bodies). */
public class BodyTooLargeException extends IOException {

    private final transient Problem problem;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.problem = RequestBodyLimitFilter.tooLarge(limit);
    }

    public Problem problem() {
        return problem;
    }
}
