package io.journeyengine.journey.merge;

/**
 * A command reached a profile that has been merged into another: it must be sent to {@code survivorId} instead. The
 * ingestion looks the customer up again (the alias now leads to the survivor) and retries; nothing was applied.
 */
public class ProfileMergedAway extends RuntimeException {

    private final String customerId;
    private final String survivorId;

    public ProfileMergedAway(String customerId, String survivorId) {
        super("Customer " + customerId + " was merged into " + survivorId, null, false, false);
        this.customerId = customerId;
        this.survivorId = survivorId;
    }

    public String customerId() {
        return customerId;
    }

    public String survivorId() {
        return survivorId;
    }
}
