/**
 * The customer journey: one event-sourced {@link io.journeyengine.journey.CustomerJourney} per customer.
 * <p>
 * Every channel touchpoint is a command on that aggregate; every applied touchpoint produces exactly one
 * {@link io.journeyengine.journey.TouchpointEvent} plus, where a rule says so, derived events (a code redeemed, a
 * lifecycle stage reached). Each feature lives in its own package: {@code cart}, {@code order}, {@code promotion},
 * {@code conversation}, {@code consent}, {@code identity}, {@code lifecycle}, {@code browsing}, {@code loyalty}.
 */
package io.journeyengine.journey;
