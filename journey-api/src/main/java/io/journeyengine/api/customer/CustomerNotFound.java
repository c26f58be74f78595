package io.journeyengine.api.customer;

import io.journeyengine.api.problem.ProblemException;

/** The one answer for a customer without an applied touchpoint, whichever view was asked. */
public final class CustomerNotFound {

    private CustomerNotFound() {
    }

    public static ProblemException of(String customerId) {
        return ProblemException.of(404, "CUSTOMER_NOT_FOUND", "Customer not found",
                                   "There is no customer " + customerId);
    }
}
