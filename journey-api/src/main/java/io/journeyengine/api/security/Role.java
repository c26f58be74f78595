package io.journeyengine.api.security;

/** What an API key may do (docs/security.md). A key may hold several roles. */
public enum Role {
    /** Sends touchpoints, only for the channels of its key. */
    CHANNEL,
    /** Reads analytics; customer listings show no personal data. */
    ANALYST,
    /** Reads a customer's 360, cart and timeline with personal data: the store associate, the chat agent. */
    AGENT,
    /** Reads event streams, travels in time, exports, dry-runs. */
    DEVELOPER,
    /** Replays, imports, erases, unmerges, manages keys. */
    ADMIN,
    /**
     * Watches the engine: health details, metrics, the Prometheus scrape, and the views' and deadlines' status
     * (read only). The monitoring system's key; it can change nothing.
     */
    OPERATIONS;

    public String authority() {
        return "ROLE_" + name();
    }
}
