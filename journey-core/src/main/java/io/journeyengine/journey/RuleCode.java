package io.journeyengine.journey;

/**
 * The business rules a touchpoint can break, by their machine-readable code (see DESIGN.md).
 * <p>
 * {@link #conflict} marks refusals caused by the journey's state having moved on (a code already used, a
 * conversation already closed): the API answers those with {@code 409}, the others with {@code 422}.
 */
public enum RuleCode {
    PROMO_UNKNOWN(false, "Unknown promo code"),
    PROMO_ALREADY_REDEEMED(true, "Promo code already redeemed"),
    PROMO_EXPIRED(false, "Promo code expired"),
    PROMO_CHANNEL_NOT_ALLOWED(false, "Promo code not valid on this channel"),
    PROMO_CODE_EXISTS(true, "Promo code already sent to this customer"),
    CONSENT_REQUIRED(false, "Marketing consent required"),
    CART_QUANTITY_EXCEEDED(false, "Cart holds less than that"),
    CART_EMPTY(false, "Cart is empty"),
    CURRENCY_MISMATCH(false, "Currency does not match"),
    CONVERSATION_NOT_OPEN(true, "Conversation is not open"),
    CONVERSATION_CHANNEL_MISMATCH(true, "Conversation is on another channel"),
    CONVERSATION_EXISTS(true, "Conversation already started"),
    ORDER_UNKNOWN(false, "Unknown order"),
    ORDER_NOT_FOR_PICKUP(false, "Order is not for store pickup"),
    ORDER_ALREADY_PICKED_UP(true, "Order already picked up"),
    ORDER_ALREADY_RETURNED(true, "Order already returned"),
    ORDER_EXISTS(true, "Order already recorded"),
    LOYALTY_ALREADY_ENROLLED(true, "Already enrolled in this programme"),
    // Undoing a merge (POST /api/customers/{id}/unmerge): refused where it cannot be done unambiguously.
    NOT_MERGED(true, "Profile is not merged into this customer"),
    UNMERGE_CODE_REDEEMED(true, "A code that came with the merge was used since"),
    UNMERGE_CART_CHANGED(true, "A cart line that came with the merge was changed since"),
    UNMERGE_CONVERSATION_CONTINUED(true, "A conversation that came with the merge went on since"),
    UNMERGE_ORDER_CHANGED(true, "An order that came with the merge was picked up or returned since");

    public final boolean conflict;
    public final String title;

    RuleCode(boolean conflict, String title) {
        this.conflict = conflict;
        this.title = title;
    }
}
