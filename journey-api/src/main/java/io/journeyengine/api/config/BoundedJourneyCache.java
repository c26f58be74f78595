package io.journeyengine.api.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The journeys most recently used, up to a fixed number, held strongly (least recently used out first).
 * <p>
 * Axon's {@code WeakReferenceCache} lost its entries at every garbage collection under load, so a returning
 * customer's touchpoint replayed the whole journey: a fifth of the engine's CPU in the benchmark profile. Entries are
 * only a shortcut: Axon evicts an entry whenever its unit of work rolls back, and the event store's unique
 * (aggregate, sequence) key refuses an append from a stale one.
 * <p>
 * With several nodes on one database, that is not enough: another node may have appended to a cached journey, and a
 * touchpoint decided on the stale state that appends nothing (a refusal: "this code is unknown" when the other node
 * has just issued it) would never meet the key. So on a shared database ({@code journey.cache.verify-against-store})
 * every hit is checked against the store's last sequence number for the journey (one index lookup, in the
 * touchpoint's transaction) and a journey the store is ahead of is read afresh. On the embedded H2 file, which one
 * process holds open, no other writer exists and the check is off.
 */
public class BoundedJourneyCache implements Cache {

    /** Axon keeps the cached journey's version private; read it here, failing at start if Axon renamed it. */
    private static final Field VERSION = versionField();

    private final Map<Object, Object> entries;
    /** The last sequence number the store holds for a journey (null: none), or null when hits are trusted. */
    private final Function<String, Long> storedVersion;

    public BoundedJourneyCache(int maxEntries) {
        this(maxEntries, null);
    }

    public BoundedJourneyCache(int maxEntries, Function<String, Long> storedVersion) {
        this.storedVersion = storedVersion;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry == null || storedVersion == null || !(entry instanceof AggregateCacheEntry<?> cached)) {
            return (V) entry;
        }
        Long stored = storedVersion.apply(key.toString());
        Long held = versionOf(cached);
        // Only a store ahead of the entry makes it stale. A store behind it is this node's own unit of work whose
        // events are staged but not yet appended; the entry is then the newer of the two.
        if (stored != null && (held == null || stored > held)) {
            remove(key);
            return null;
        }
        return (V) entry;
    }

    static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the cached journey's version", e);
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no 'version' field any more: the journey "
                                                    + "cache cannot check entries against the store", e);
        }
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        // Nothing listens to journey cache entries; accepted and never called.
        return () -> true;
    }
}
