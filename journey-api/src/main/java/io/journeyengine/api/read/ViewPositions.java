package io.journeyengine.api.read;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far each view has got in the event store, read from the token store: what a view's table holds was committed
 * together with its token, so the stored token is what a reader of the view can see — on every node of a cluster,
 * whichever node processes which segment. Segments processed on this node are read from memory, which is more
 * recent (see {@link #local}).
 */
@Component
public class ViewPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public ViewPositions(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** One segment of a view: its number, its token (null before its first claim) and who holds it. */
    public record SegmentToken(int segment, TrackingToken token, String owner) {
    }

    /** The views: every streaming event processor of the application, by name. */
    public Set<String> views() {
        Set<String> names = new TreeSet<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return names;
    }

    /** The stored tokens of every view, by view name; a view that never started has no entry. */
    public Map<String, List<SegmentToken>> tokens() {
        Set<String> views = views();
        Map<String, List<SegmentToken>> tokens = new TreeMap<>();
        jdbc.query("SELECT processor_name, segment, token, token_type, owner FROM token_entry "
                           + "ORDER BY processor_name, segment",
                   rs -> {
                       String name = rs.getString("processor_name");
                       if (!views.contains(name)) {
                           return;
                       }
                       byte[] data = rs.getBytes("token");
                       String type = rs.getString("token_type");
                       TrackingToken token = data == null || type == null ? null : serializer.deserialize(
                               new SimpleSerializedObject<>(data, byte[].class, new SimpleSerializedType(type, null)));
                       tokens.computeIfAbsent(name, n -> new ArrayList<>())
                             .add(new SegmentToken(rs.getInt("segment"), local(name, rs.getInt("segment"), token),
                                                   rs.getString("owner")));
                   });
        return tokens;
    }

    /**
     * A segment this node processes is where its in-memory status says: it moves on after each committed batch,
     * and also past events that are not the segment's own, which the stored token only records at the next claim
     * extension (every few seconds). Another node's segment is where its stored token says.
     */
    private TrackingToken local(String view, int segment, TrackingToken stored) {
        StreamingEventProcessor processor = processing.eventProcessor(view, StreamingEventProcessor.class)
                                                      .orElse(null);
        EventTrackerStatus status = processor == null ? null : processor.processingStatus().get(segment);
        return status == null || status.getTrackingToken() == null || status.isErrorState()
                ? stored : status.getTrackingToken();
    }

    /** The views that have not yet processed the event at {@code position}. */
    public Set<String> behind(long position) {
        Map<String, List<SegmentToken>> tokens = tokens();
        Set<String> behind = new TreeSet<>();
        for (String view : views()) {
            List<SegmentToken> segments = tokens.get(view);
            if (segments == null || segments.isEmpty()
                    || !segments.stream().allMatch(s -> hasProcessed(s.token(), position))) {
                behind.add(view);
            }
        }
        return behind;
    }

    /**
     * Whether a segment holding {@code token} has handled (or skipped, as not its own) the event at
     * {@code position}. Every segment reads the whole stream, so each one's token says it for all events. A gap is
     * an event not yet visible when the segment passed it (a transaction still open); it is handled once it
     * appears, so a position in the gaps is not processed yet. During a replay the token's lower bound counts.
     */
    public static boolean hasProcessed(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    /** The lowest position every segment of the view has reached (-1 when one has not started). */
    public static long position(List<SegmentToken> segments) {
        long lowest = Long.MAX_VALUE;
        for (SegmentToken segment : segments) {
            TrackingToken current = segment.token() == null ? null : WrappedToken.unwrapLowerBound(segment.token());
            lowest = Math.min(lowest, current == null ? -1 : current.position().orElse(-1));
        }
        return segments.isEmpty() ? -1 : lowest;
    }
}
