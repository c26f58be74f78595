package io.journeyengine.api.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Merged profiles ({@code profile_merge}): a profile merged into another is an alias of it, and touchpoints or reads
 * naming the alias reach the survivor. Written in the transaction of the merging touchpoint (or of the unmerge),
 * like the identity index, so an alias exists exactly when the merge's events do.
 * <p>
 * Only direct merges are stored; a profile merged into one that was merged on is followed along the chain, so
 * undoing the later merge lets the earlier alias lead to its own survivor again.
 */
@Repository
public class Aliases {

    /** Longer chains than this are not followed: merges form no cycles, so this only guards against corruption. */
    private static final int MAX_HOPS = 32;

    private final JdbcTemplate jdbc;

    public Aliases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The profile {@code customerId} was merged into, if it is an alias now. */
    public Optional<String> survivorOf(String customerId) {
        return jdbc.queryForList("SELECT survivor_id FROM profile_merge WHERE merged_id = ? AND unmerged_at IS NULL",
                                 String.class, customerId).stream().findFirst();
    }

    /** The customer {@code customerId} is now: itself, or the end of its chain of merges. */
    public String canonical(String customerId) {
        String current = customerId;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<String> survivor = survivorOf(current);
            if (survivor.isEmpty()) {
                return current;
            }
            current = survivor.get();
        }
        throw new IllegalStateException("The merges of " + customerId + " form a chain longer than " + MAX_HOPS);
    }

    /** The profiles merged directly into {@code survivorId} now. */
    public List<String> mergedInto(String survivorId) {
        return jdbc.queryForList("SELECT merged_id FROM profile_merge WHERE survivor_id = ? AND unmerged_at IS NULL "
                                         + "ORDER BY merged_at, merged_id", String.class, survivorId);
    }

    /** {@code survivorId} and every profile merged into it, directly or along a chain: one person. */
    public Set<String> family(String survivorId) {
        Set<String> family = new LinkedHashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(survivorId));
        while (!open.isEmpty() && family.size() < 10_000) {
            String next = open.pop();
            if (family.add(next)) {
                open.addAll(mergedInto(next));
            }
        }
        return family;
    }

    /** Every profile that was ever merged with one of {@code customerIds}, either way, undone merges included. */
    public Set<String> everMergedWith(Collection<String> customerIds) {
        Set<String> related = new LinkedHashSet<>();
        for (String id : customerIds) {
            related.addAll(jdbc.queryForList("SELECT survivor_id FROM profile_merge WHERE merged_id = ? UNION "
                                                     + "SELECT merged_id FROM profile_merge WHERE survivor_id = ?",
                                             String.class, id, id));
        }
        return related;
    }

    public void recordMerge(String mergedId, String survivorId, Instant at, String touchpointId) {
        jdbc.update("INSERT INTO profile_merge (merged_id, survivor_id, merged_at, touchpoint_id) VALUES (?, ?, ?, ?)",
                    mergedId, survivorId, Timestamp.from(at), touchpointId);
    }

    /** @return whether an active merge of the two was ended */
    public boolean recordUnmerge(String mergedId, String survivorId, Instant at) {
        return jdbc.update("UPDATE profile_merge SET unmerged_at = ? WHERE merged_id = ? AND survivor_id = ? "
                                   + "AND unmerged_at IS NULL", Timestamp.from(at), mergedId, survivorId) > 0;
    }
}
