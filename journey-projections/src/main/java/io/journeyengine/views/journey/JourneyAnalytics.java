package io.journeyengine.views.journey;

import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.Rates;

import java.math.BigDecimal;
import java.util.List;

import static io.journeyengine.views.journey.JourneyContribution.ALL;
import static io.journeyengine.views.journey.JourneyContribution.TOTALS;

/**
 * The answer of {@code GET /api/analytics/journeys}. {@code omnichannelShare} is a fraction (4 decimals),
 * {@code avgChannelsPerConvertedCustomer} a mean (2 decimals), {@code medianTimeToFirstPurchase} an ISO-8601
 * duration in whole seconds; each is null when its denominator is 0.
 */
public record JourneyAnalytics(long customers, long omnichannelCustomers, BigDecimal omnichannelShare,
                               BigDecimal avgChannelsPerConvertedCustomer, String medianTimeToFirstPurchase) {

    static JourneyAnalytics from(Counters totals, String median) {
        List<String> all = List.of(ALL);
        long customers = totals.get(TOTALS, all, "customers");
        long omnichannel = totals.get(TOTALS, all, "omnichannel_customers");
        long converted = totals.get(TOTALS, all, "converted_customers");
        return new JourneyAnalytics(customers, omnichannel, Rates.rate(omnichannel, customers),
                                    Rates.mean(totals.get(TOTALS, all, "converted_customer_channels"), converted),
                                    median);
    }
}
