package dev.modbuswatch.detect;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last capture time something happened, per key, for a window of capture time; older entries are forgotten, so
 * memory follows what happened recently, not the length of the capture. Used by one thread (the route thread; the
 * state is saved and restored from it too).
 */
public final class RecentByKey<K> {

    private final long windowNanos;
    /** In the order entries were last set, oldest first. */
    private final LinkedHashMap<K, Long> lastTimes = new LinkedHashMap<>(64);

    RecentByKey(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Whether {@code key} was marked within the window before {@code now}. */
    boolean seenWithinWindow(K key, long now) {
        forgetBefore(now - windowNanos);
        Long last = lastTimes.get(key);
        return last != null && now - last < windowNanos;
    }

    void mark(K key, long now) {
        lastTimes.remove(key);
        lastTimes.put(key, now);
    }

    /** Each key's last time, oldest first: for saving the state. */
    public Map<K, Long> times() {
        return new LinkedHashMap<>(lastTimes);
    }

    /** Takes back saved times, replacing what is held. */
    public void restore(Map<K, Long> times) {
        lastTimes.clear();
        times.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> lastTimes.put(entry.getKey(), entry.getValue()));
    }

    private void forgetBefore(long limit) {
        Iterator<Map.Entry<K, Long>> oldestFirst = lastTimes.entrySet().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().getValue() < limit) {
            oldestFirst.remove();
        }
    }
}
