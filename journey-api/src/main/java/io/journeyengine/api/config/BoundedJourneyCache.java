package io.journeyengine.api.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The journeys most recently used, up to a fixed number, held strongly (least recently used out first).
 * <p>
 * Axon's {@code WeakReferenceCache} lost its entries at every garbage collection under load, so a returning
 * customer's touchpoint replayed the whole journey: a fifth of the engine's CPU in the benchmark profile. Entries are
 * only a shortcut: Axon evicts an entry whenever its unit of work rolls back, and the event store's unique
 * (aggregate, sequence) key refuses an append from a stale one.
 */
public class BoundedJourneyCache implements Cache {

    private final Map<Object, Object> entries;

    public BoundedJourneyCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
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
