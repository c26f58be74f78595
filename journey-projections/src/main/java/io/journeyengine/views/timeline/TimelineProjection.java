package io.journeyengine.views.timeline;

import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.privacy.PersonalData;
import io.journeyengine.journey.privacy.PersonalDataErased;
import io.journeyengine.views.support.Family;
import io.journeyengine.views.support.InsertOnce;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The timeline: one row in {@code timeline_entry} per applied touchpoint, that is per {@link TouchpointEvent}
 * (consequences such as a stage advance are not touchpoints). A row is keyed by the event's sequence number in the
 * customer's stream, which is also its arrival order, so an event delivered a second time finds its row and is
 * skipped.
 * <p>
 * A survivor's timeline holds the entries of the profiles merged into it ({@code timeline_merge}): they are read
 * with its own at query time, so the merge copies nothing and an unmerge only forgets the link.
 */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
public class TimelineProjection {

    public static final String GROUP = "timeline";

    private final JdbcTemplate jdbc;

    public TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TouchpointEvent event, @SequenceNumber long sequence) {
        TouchpointSummary described = TouchpointSummary.of(event);
        InsertOnce.into("timeline_entry")
                  .key("customer_id", event.customerId()).key("sequence_number", sequence)
                  .value("touchpoint_id", event.touchpoint().id()).value("touchpoint_type", described.type())
                  .value("channel", event.touchpoint().channel().name())
                  .value("occurred_at", Timestamp.from(event.touchpoint().occurredAt()))
                  .value("summary", described.summary())
                  .value("summary_erased", TouchpointSummary.erased(event).summary())
                  .run(jdbc);
    }

    /** The summaries hold free texts (topics, resolutions, reasons): they read as after an erasure from now on. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("UPDATE timeline_entry SET summary = COALESCE(summary_erased, ?) WHERE customer_id = ?",
                    PersonalData.ERASED, event.customerId());
    }

    @EventHandler
    void on(ProfileMerged event) {
        InsertOnce.into("timeline_merge").key("customer_id", event.customerId())
                  .key("merged_id", event.mergedCustomerId()).run(jdbc);
    }

    @EventHandler
    void on(ProfileUnmerged event) {
        jdbc.update("DELETE FROM timeline_merge WHERE customer_id = ? AND merged_id = ?", event.customerId(),
                    event.mergedCustomerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM timeline_merge");
        jdbc.update("DELETE FROM timeline_entry");
    }

    @QueryHandler
    Optional<CustomerTimeline> handle(FindTimeline query) {
        // The latest `limit` rows, read newest first and turned around.
        // With the profiles merged into the customer; at one instant, arrival order within each profile.
        List<String> family = Family.of(jdbc, "timeline_merge", query.customerId());
        List<Object> arguments = new ArrayList<>(family);
        arguments.add(query.limit());
        List<CustomerTimeline.Entry> entries = new ArrayList<>(jdbc.query(
                "SELECT touchpoint_id, touchpoint_type, channel, occurred_at, summary FROM timeline_entry "
                        + "WHERE customer_id IN (" + Family.placeholders(family) + ") "
                        + "ORDER BY occurred_at DESC, sequence_number DESC, customer_id DESC LIMIT ?",
                (rs, n) -> new CustomerTimeline.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                                                      rs.getTimestamp(4).toInstant(), rs.getString(5)),
                arguments.toArray()));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Collections.reverse(entries);
        return Optional.of(new CustomerTimeline(query.customerId(), entries));
    }
}
