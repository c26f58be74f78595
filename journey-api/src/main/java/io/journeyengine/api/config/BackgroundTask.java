package io.journeyengine.api.config;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work a node repeats on its own thread (heartbeats, following view pauses, sending webhooks, keep-alives): a failing
 * run is logged and the next one tries again, so one lost database connection does not end the task.
 */
public final class BackgroundTask {

    private final ScheduledExecutorService executor;

    private BackgroundTask(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code task} every {@code interval} (after the first interval) on a daemon thread named {@code name}. */
    public static BackgroundTask every(Duration interval, String name, Logger log, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed, trying again in {} ms: {}", name, interval.toMillis(), e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new BackgroundTask(executor);
    }

    public void stop() {
        executor.shutdownNow();
    }
}
