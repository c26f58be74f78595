package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analytics figures DESIGN.md "Read side" defines, computed from the folded customers as if only the
 * touchpoints inside {@code window} existed (common conventions: funnel, channels and journeys by each touchpoint's
 * occurredAt; promotions by the send's and by the purchase's occurredAt).
 */
final class Analytics {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One customer's touchpoints inside the window, in business order. */
    private record Journey(CustomerFold customer, List<Touch> touches) {
        int firstPurchase() {
            for (int i = 0; i < touches.size(); i++) {
                if (touches.get(i).isPurchase()) {
                    return i;
                }
            }
            return -1;
        }

        long channels() {
            return touches.stream().map(Touch::channel).distinct().count();
        }
    }

    private final Window window;
    private final Collection<CustomerFold> customers;
    private final List<Journey> journeys = new ArrayList<>();

    Analytics(Collection<CustomerFold> customers, Window window) {
        this.window = window;
        this.customers = customers;
        for (CustomerFold customer : customers) {
            List<Touch> inside = customer.ordered().stream().filter(t -> t.within(window)).toList();
            if (!inside.isEmpty()) {
                journeys.add(new Journey(customer, inside));
            }
        }
    }

    ObjectNode funnel() {
        long[] current = new long[Lifecycle.STAGES.size()];
        journeys.forEach(j -> current[Lifecycle.of(j.touches()).rank()]++);
        long[] reached = new long[current.length];
        for (int i = current.length - 1; i >= 0; i--) {
            reached[i] = current[i] + (i + 1 < current.length ? reached[i + 1] : 0);
        }
        ObjectNode funnel = JSON.objectNode().put("customers", journeys.size());
        ArrayNode stages = funnel.putArray("stages");
        for (int i = 0; i < current.length; i++) {
            stages.addObject().put("stage", Lifecycle.STAGES.get(i)).put("current", current[i])
                  .put("reached", reached[i])
                  .put("rateToNext", i + 1 < current.length ? Figures.rate(reached[i + 1], reached[i]) : null);
        }
        return funnel;
    }

    ObjectNode channels() {
        Map<String, long[]> figures = new TreeMap<>(Touch.CHANNEL_ORDER); // touchpoints, customers, first, last
        Map<String, Long> switches = new TreeMap<>();
        for (Journey journey : journeys) {
            List<Touch> touches = journey.touches();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < touches.size(); i++) {
                String channel = touches.get(i).channel();
                long[] f = figures.computeIfAbsent(channel, c -> new long[4]);
                f[0]++;
                if (seen.add(channel)) {
                    f[1]++;
                }
                if (i > 0 && !touches.get(i - 1).channel().equals(channel)) {
                    switches.merge(pairKey(touches.get(i - 1).channel(), channel), 1L, Long::sum);
                }
            }
            int purchase = journey.firstPurchase();
            if (purchase >= 0) {
                figures.get(touches.get(0).channel())[2]++;
                figures.get(touches.get(purchase == 0 ? 0 : purchase - 1).channel())[3]++;
            }
        }
        ObjectNode result = JSON.objectNode();
        ArrayNode channels = result.putArray("channels");
        figures.forEach((channel, f) -> channels.addObject().put("channel", channel).put("touchpoints", f[0])
                                                .put("customers", f[1]).put("firstTouchConversions", f[2])
                                                .put("lastTouchConversions", f[3]));
        ArrayNode matrix = result.putArray("switches");
        switches.forEach((key, count) -> matrix.addObject().put("from", Touch.CHANNELS.get(key.charAt(0) - 'a'))
                                               .put("to", Touch.CHANNELS.get(key.charAt(1) - 'a'))
                                               .put("count", count));
        return result;
    }

    /** A key that sorts pairs by from, then to, in channel order. */
    private static String pairKey(String from, String to) {
        return "" + (char) ('a' + Touch.CHANNELS.indexOf(from)) + (char) ('a' + Touch.CHANNELS.indexOf(to));
    }

    ObjectNode journeys() {
        long omnichannel = journeys.stream().filter(j -> j.channels() >= 2).count();
        List<Journey> converted = journeys.stream().filter(j -> j.firstPurchase() >= 0).toList();
        long channelSum = converted.stream().mapToLong(Journey::channels).sum();
        List<Long> toFirstPurchase = converted.stream().map(j -> Duration.between(
                j.touches().get(0).occurredAt(), j.touches().get(j.firstPurchase()).occurredAt()).toMillis()).toList();
        return JSON.objectNode().put("customers", journeys.size()).put("omnichannelCustomers", omnichannel)
                   .put("omnichannelShare", Figures.rate(omnichannel, journeys.size()))
                   .put("avgChannelsPerConvertedCustomer", Figures.mean2(channelSum, converted.size()))
                   .put("medianTimeToFirstPurchase", Figures.median(toFirstPurchase));
    }

    /**
     * Sends count by the send's occurredAt, redemptions by their purchase's: every purchase that used a code, unless
     * a full return gave the code back (redeemed counts current redemptions, as the 360's statuses do).
     */
    ObjectNode promotion(String promotionId) {
        Map<String, Long> issued = new TreeMap<>(Touch.CHANNEL_ORDER);
        Map<String, Long> redeemed = new TreeMap<>(Touch.CHANNEL_ORDER);
        long crossChannel = 0;
        for (CustomerFold customer : customers) {
            for (Touch t : customer.ordered()) {
                if (!t.within(window)) {
                    continue;
                }
                if (t.type().equals("PROMO_CODE_SENT") && t.text("promotionId").equals(promotionId)) {
                    issued.merge(t.channel(), 1L, Long::sum);
                }
                if (t.isPurchase() && t.text("promoCode") != null
                        && !customer.reinstatedOrders.contains(t.text("orderId"))) {
                    CustomerFold.SentCode code = customer.sentCode(t.text("promoCode"));
                    if (code.promotionId().equals(promotionId)) {
                        redeemed.merge(t.channel(), 1L, Long::sum);
                        crossChannel += code.sentVia().equals(t.channel()) ? 0 : 1;
                    }
                }
            }
        }
        long issuedTotal = issued.values().stream().mapToLong(Long::longValue).sum();
        long redeemedTotal = redeemed.values().stream().mapToLong(Long::longValue).sum();
        ObjectNode result = JSON.objectNode().put("promotionId", promotionId).put("issued", issuedTotal)
                                .put("redeemed", redeemedTotal)
                                .put("redemptionRate", Figures.rate(redeemedTotal, issuedTotal))
                                .put("crossChannelRedemptions", crossChannel)
                                .put("expired", expired(promotionId));
        ObjectNode byIssue = result.putObject("issuedByChannel");
        issued.forEach(byIssue::put);
        ObjectNode byRedemption = result.putObject("redeemedByChannel");
        redeemed.forEach(byRedemption::put);
        return result;
    }

    /**
     * Codes of the promotion that reached their expiry unused by now (the engine's deadlines fire on the same clock),
     * counted by their expiresAt.
     */
    private long expired(String promotionId) {
        Instant now = Instant.now();
        return customers.stream().mapToLong(c -> c.expiredCodes(promotionId, window, now)).sum();
    }

    /**
     * The test's engine runs with an abandonment delay far beyond the test (the simulator sends a month of business
     * time in minutes, without moving the engine's clock), so every cart figure is zero.
     */
    ObjectNode carts() {
        ObjectNode carts = JSON.objectNode().put("abandoned", 0).put("reminded", 0).put("recovered", 0)
                               .putNull("recoveryRate");
        carts.putObject("recoveredByChannel");
        return carts;
    }
}
