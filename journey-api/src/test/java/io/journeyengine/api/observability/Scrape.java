package io.journeyengine.api.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One answer of {@code GET /actuator/prometheus}, read as Prometheus reads it: samples with labels. */
final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    Scrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
    }

    /** The samples of {@code name} whose labels include {@code labels}. */
    List<Sample> all(String name, Map<String, String> labels) {
        return samples.stream()
                      .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                      .toList();
    }

    /** The sum of those samples; 0 when there are none (a counter that has not counted yet is not there). */
    double sum(String name, Map<String, String> labels) {
        return all(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The one sample of {@code name} with {@code labels}; fails when there is none or several. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = all(name, labels);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + labels + ": " + found);
        }
        return found.get(0).value();
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}
