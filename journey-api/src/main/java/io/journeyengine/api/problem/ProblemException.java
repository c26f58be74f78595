package io.journeyengine.api.problem;

/** Ends a request with a problem answer. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException of(int status, String code, String title, String detail) {
        return new ProblemException(Problem.of(status, code, title, detail));
    }

    public Problem problem() {
        return problem;
    }
}
