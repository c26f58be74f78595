package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;

/**
 * Reads the views over HTTP. When the ingestion answers carried a global position, every read asks the engine to
 * wait until all views have processed it ({@code minPosition}); otherwise the test polls until the views agree.
 */
final class ReadSide {

    private final Api api;
    private final Long position;

    ReadSide(Api api, Long position) {
        this.api = api;
        this.position = position;
    }

    Api.Answer get(String path) {
        return api.get(position == null ? path : path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
    }

    /** The JSON of a {@code 200} answer, or null after noting what was answered instead. */
    JsonNode json(String path, String subject, Differences differences) {
        Api.Answer answer = get(path);
        if (answer.status() == 200 && answer.json() != null) {
            return answer.json();
        }
        differences.add(subject, "GET " + path + " answered " + answer.status()
                + (answer.code() == null ? "" : " " + answer.code()));
        return null;
    }

    @Override
    public String toString() {
        return position == null ? "views polled (the answers carry no position)" : "views read at minPosition=" + position;
    }
}
