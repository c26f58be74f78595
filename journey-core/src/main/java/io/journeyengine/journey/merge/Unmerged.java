package io.journeyengine.journey.merge;

import java.util.List;

/** The survivor's answer to an unmerge: the events it applied and what went back to the restored profile. */
public record Unmerged(List<String> events, MergedProfile returned) {
}
