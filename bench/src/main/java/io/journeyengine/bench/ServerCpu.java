package io.journeyengine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the engine process (from {@code /proc/<pid>/stat}, Linux) and of this generator, so each phase can say
 * how the machine's cores were shared between the server and the load generator.
 */
final class ServerCpu {

    /** Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;

    ServerCpu(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /** CPU seconds (user + system) the server has used so far, or NaN when it cannot be read. */
    double serverSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds the whole machine has been busy (all cores, every process), from {@code /proc/stat}. */
    static double machineSeconds() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds this generator process has used so far. */
    static double clientSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /**
     * Waits until the server has been nearly idle (under a tenth of a core) for a second: the projections have caught
     * up with what the previous phase wrote, so they do not eat into the next phase. Answers the seconds waited.
     */
    double waitUntilIdle(double maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        double previous = serverSeconds();
        int quiet = 0;
        while (quiet < 2 && (System.nanoTime() - start) / 1e9 < maxSeconds) {
            Thread.sleep(500);
            double now = serverSeconds();
            if (Double.isNaN(now)) {
                break;
            }
            quiet = now - previous <= 0.05 ? quiet + 1 : 0;
            previous = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
