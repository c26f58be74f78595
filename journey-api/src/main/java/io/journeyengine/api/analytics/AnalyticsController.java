package io.journeyengine.api.analytics;

import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.problem.QueryParameters;
import io.journeyengine.views.abandonment.CartAnalytics;
import io.journeyengine.views.abandonment.FindCartAnalytics;
import io.journeyengine.views.channel.ChannelAnalytics;
import io.journeyengine.views.channel.FindChannelAnalytics;
import io.journeyengine.views.journey.FindJourneyAnalytics;
import io.journeyengine.views.journey.JourneyAnalytics;
import io.journeyengine.views.promotion.FindPromotionAnalytics;
import io.journeyengine.views.promotion.FindPromotions;
import io.journeyengine.views.promotion.PromotionAnalytics;
import io.journeyengine.views.promotion.PromotionList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures analysts compare with their own (DESIGN.md "Read side"). Without {@code from}/{@code to} they come
 * from pre-aggregated tables; with a range they are computed from the views' rows in that range.
 */
@RestController
@Tag(name = "Analytics", description = "Channel, journey, promotion and abandoned-cart figures for analysts")
public class AnalyticsController {

    private static final String FROM = "Start of the range on occurredAt, inclusive (ISO-8601 instant)";
    private static final String TO = "End of the range on occurredAt, exclusive (ISO-8601 instant)";

    private final QueryGateway queries;

    public AnalyticsController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Channel figures and the channel-switch matrix",
               description = "Touchpoints, customers, first- and last-touch conversions per channel; switches "
                       + "between consecutive touchpoints of a customer. With a range: as if only the touchpoints "
                       + "in it existed.")
    @GetMapping("/api/analytics/channels")
    public ChannelAnalytics channels(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                     @Parameter(description = TO) @RequestParam(required = false) String to) {
        return queries.query(new FindChannelAnalytics(QueryParameters.rangeOnly(from, to)), ChannelAnalytics.class)
                      .join();
    }

    @Operation(summary = "Journey figures",
               description = "Customers, omnichannel share, channels per converted customer, median time to first "
                       + "purchase. With a range: as if only the touchpoints in it existed.")
    @GetMapping("/api/analytics/journeys")
    public JourneyAnalytics journeys(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                     @Parameter(description = TO) @RequestParam(required = false) String to) {
        return queries.query(new FindJourneyAnalytics(QueryParameters.rangeOnly(from, to)), JourneyAnalytics.class)
                      .join();
    }

    @Operation(summary = "Every promotion's figures",
               description = "The figures of every promotion ever issued, ordered by promotion id, each as GET "
                       + "/api/analytics/promotions/{promotionId} answers it; with a range, a promotion without "
                       + "activity in it is listed with zeros.")
    @GetMapping("/api/analytics/promotions")
    public PromotionList promotions(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                    @Parameter(description = TO) @RequestParam(required = false) String to) {
        return queries.query(new FindPromotions(QueryParameters.rangeOnly(from, to)), PromotionList.class).join();
    }

    @Operation(summary = "One promotion's figures",
               description = "Codes issued per sending channel, current redemptions per purchase channel, "
                       + "cross-channel redemptions. 404 PROMOTION_NOT_FOUND for a promotion never issued.")
    @GetMapping("/api/analytics/promotions/{promotionId}")
    public PromotionAnalytics promotion(@PathVariable String promotionId,
                                        @Parameter(description = FROM) @RequestParam(required = false) String from,
                                        @Parameter(description = TO) @RequestParam(required = false) String to) {
        FindPromotionAnalytics query = new FindPromotionAnalytics(promotionId, QueryParameters.rangeOnly(from, to));
        return queries.query(query, ResponseTypes.optionalInstanceOf(PromotionAnalytics.class))
                      .join()
                      .orElseThrow(() -> ProblemException.of(404, "PROMOTION_NOT_FOUND", "Promotion not found",
                                                             "No code of promotion " + promotionId
                                                                     + " has been issued"));
    }

    @Operation(summary = "Abandoned-cart figures",
               description = "Carts abandoned, reminders sent, carts recovered and recoveries per channel. Zero "
                       + "until the engine produces abandonment.")
    @GetMapping("/api/analytics/carts")
    public CartAnalytics carts(@Parameter(description = FROM) @RequestParam(required = false) String from,
                               @Parameter(description = TO) @RequestParam(required = false) String to) {
        return queries.query(new FindCartAnalytics(QueryParameters.rangeOnly(from, to)), CartAnalytics.class).join();
    }
}
