package io.journeyengine.views.customer;

/** Query: the customer-360 profile of one customer, or none for a customer without an applied touchpoint. */
public record FindCustomer(String customerId) {
}
