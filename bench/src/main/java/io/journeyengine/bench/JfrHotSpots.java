package io.journeyengine.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Hot spots of a flight recording (JDK 17 has no {@code jfr view}): CPU samples by top frame (self time), by method
 * anywhere on the stack (total time, the engine's and its libraries' frames only), by package and by thread, and
 * where threads blocked on monitors or parked the longest.
 * <p>
 * {@code java -cp bench/target/classes io.journeyengine.bench.JfrHotSpots /tmp/x.jfr 40}; when
 * {@code /tmp/x.jfr.window} exists (written by {@code IngestBenchmark --record}), only events in that window count.
 */
public final class JfrHotSpots {

    /** What a CPU sample was doing: a frame anywhere on its stack. Overlapping; in this order in the report. */
    private static final Map<String, String> ACTIVITIES = new LinkedHashMap<>();

    static {
        ACTIVITIES.put("request JSON read (readWithMessageConverters)", ".readWithMessageConverters");
        ACTIVITIES.put("response JSON write (writeWithMessageConverters)", ".writeWithMessageConverters");
        ACTIVITIES.put("touchpoint parsing (TouchpointParser.parse)", "TouchpointParser.parse");
        ACTIVITIES.put("command dispatch (DefaultCommandGateway.sendAndWait)", "DefaultCommandGateway.sendAndWait");
        ACTIVITIES.put("aggregate load (EventSourcingRepository.doLoadWithLock)",
                       "EventSourcingRepository.doLoadWithLock");
        ACTIVITIES.put("event append (JdbcEventStorageEngine.appendEvents)", "JdbcEventStorageEngine.appendEvents");
        ACTIVITIES.put("staging events in the unit of work (AbstractEventBus.addStagedMessages)",
                       "AbstractEventBus.addStagedMessages");
        ACTIVITIES.put("processor event stream (JdbcEventStorageEngine.fetchTrackedEvents)",
                       "JdbcEventStorageEngine.fetchTrackedEvents");
        ACTIVITIES.put("transaction commit (SpringTransactionManager.commitTransaction)",
                       "SpringTransactionManager.commitTransaction");
        ACTIVITIES.put("receipts (ReceiptRepository)", "io.journeyengine.api.ingest.ReceiptRepository.");
        ACTIVITIES.put("identity index (IdentityIndex)", "io.journeyengine.api.ingest.IdentityIndex.");
        ACTIVITIES.put("cart projection (CartProjection)", "io.journeyengine.views.cart.CartProjection.");
        ACTIVITIES.put("event serialization (JacksonSerializer.serialize)", "JacksonSerializer.serialize");
        ACTIVITIES.put("event deserialization (JacksonSerializer.deserialize)", "JacksonSerializer.deserialize");
        ACTIVITIES.put("Axon handler timeouts (AxonTimeLimitedTask)", "AxonTimeLimitedTask.");
        ACTIVITIES.put("stack walking (Thread.getStackTrace)", "java.lang.Thread.getStackTrace");
        ACTIVITIES.put("UUID.randomUUID", "java.util.UUID.randomUUID");
        ACTIVITIES.put("metrics (io.micrometer)", "io.micrometer.");
        ACTIVITIES.put("logging (ch.qos.logback)", "ch.qos.logback.");
        ACTIVITIES.put("H2, any frame (org.h2)", "org.h2.");
        ACTIVITIES.put("Jackson, any frame (com.fasterxml)", "com.fasterxml.");
    }

    private JfrHotSpots() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        // A dump holds whole chunks; IngestBenchmark --record writes the measured window next to it.
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        Path window = Path.of(file + ".window");
        if (Files.isRegularFile(window)) {
            String[] bounds = Files.readString(window).trim().split(" ");
            from = Instant.parse(bounds[0]);
            to = Instant.parse(bounds[1]);
        }
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> firstEngineFrame = new HashMap<>();
        Map<String, Long> activities = new LinkedHashMap<>();
        ACTIVITIES.keySet().forEach(activity -> activities.put(activity, 0L));
        Map<String, Duration> blocked = new HashMap<>();
        Map<String, Duration> parked = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    String topMethod = name(frames.get(0));
                    self.merge(topMethod, 1L, Long::sum);
                    packages.merge(area(frames.get(0)), 1L, Long::sum);
                    RecordedThread thread = event.getThread("sampledThread");
                    threads.merge(thread == null ? "?" : threadGroup(thread.getJavaName()), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String method = name(frame);
                        if (seen.add(method) && interesting(frame)) {
                            total.merge(method, 1L, Long::sum);
                        }
                    }
                    ACTIVITIES.forEach((activity, marker) -> {
                        if (seen.stream().anyMatch(method -> method.contains(marker))) {
                            activities.merge(activity, 1L, Long::sum);
                        }
                    });
                    frames.stream().filter(f -> declaring(f).startsWith("io.journeyengine")).findFirst()
                          .ifPresent(f -> firstEngineFrame.merge(name(f), 1L, Long::sum));
                }
                case "jdk.JavaMonitorEnter" -> blocked.merge(where(frames, f -> !declaring(f).startsWith("java.")),
                                                            event.getDuration(), Duration::plus);
                case "jdk.ThreadPark" -> parked.merge(where(frames, f -> !declaring(f).startsWith("java.")
                                                              && !declaring(f).startsWith("jdk.")),
                                                      event.getDuration(), Duration::plus);
                default -> {
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d CPU samples%s%n", file, samples,
                          from == Instant.MIN ? "" : " from " + from + " to " + to);
        print("CPU samples by thread", threads, samples, top);
        System.out.println();
        System.out.println("== CPU samples by activity (a frame anywhere on the stack; overlapping)");
        for (Map.Entry<String, Long> activity : activities.entrySet()) {
            System.out.printf(Locale.ROOT, "%7d %5.1f%%  %s%n", activity.getValue(),
                              100.0 * activity.getValue() / Math.max(1, samples), activity.getKey());
        }
        print("CPU samples by library of the top frame", packages, samples, top);
        print("self time: top frame of CPU samples", self, samples, top);
        print("total time: engine, Axon, H2, Jackson, Spring, Tomcat frames anywhere on the stack", total, samples,
              top);
        print("CPU samples by the engine's innermost own frame", firstEngineFrame, samples, top);
        printDurations("blocked on a monitor (jdk.JavaMonitorEnter), by first non-JDK frame", blocked, top);
        printDurations("parked (jdk.ThreadPark, locks and waits), by first non-JDK frame", parked, top);
    }

    private static void print(String title, Map<String, Long> counts, long samples, int top) {
        System.out.println();
        System.out.println("== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
              .forEach(e -> System.out.printf(Locale.ROOT, "%7d %5.1f%%  %s%n", e.getValue(),
                                              100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }

    private static void printDurations(String title, Map<String, Duration> durations, int top) {
        System.out.println();
        System.out.println("== " + title);
        durations.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(top)
                 .forEach(e -> System.out.printf(Locale.ROOT, "%9.1f s  %s%n", e.getValue().toMillis() / 1000.0,
                                                 e.getKey()));
    }

    private static String where(List<RecordedFrame> frames, Predicate<RecordedFrame> wanted) {
        for (RecordedFrame frame : frames) {
            if (wanted.test(frame)) {
                return name(frame);
            }
        }
        return name(frames.get(0));
    }

    private static boolean interesting(RecordedFrame frame) {
        String type = declaring(frame);
        return type.startsWith("io.journeyengine") || type.startsWith("org.axonframework")
                || type.startsWith("org.h2") || type.startsWith("com.fasterxml")
                || type.startsWith("org.springframework")
                || type.startsWith("org.apache") || type.startsWith("com.zaxxer") || type.startsWith("org.flywaydb");
    }

    private static String declaring(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null || method.getType() == null ? "?" : method.getType().getName();
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : declaring(frame) + "." + method.getName();
    }

    /** The library a frame belongs to: its first two or three package names. */
    private static String area(RecordedFrame frame) {
        String[] parts = declaring(frame).split("\\.");
        int keep = parts.length > 3 && (parts[0].equals("org") || parts[0].equals("com") || parts[0].equals("io"))
                ? 3 : Math.min(2, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, Math.max(1, keep)));
    }

    /** Thread names without their numbers: http-nio-18080-exec-12 → http-nio-18080-exec-#. */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+$", "#").replaceAll("-\\d+-", "-#-");
    }
}
