package io.journeyengine.journey;

import java.util.List;

/** A place where the retailer meets the customer. */
public enum Channel {
    SMS, WHATSAPP, EMAIL, WEB, APP, STORE, MESSENGER, WEBCHAT, VOICE, VIDEO, SOCIAL, MARKETPLACE, KIOSK;

    /**
     * Channels the engine may send a reminder on, in order of preference: a reminder reaches the customer fastest in
     * a chat app, then by SMS, then by e-mail.
     */
    public static final List<Channel> MESSAGING_PREFERENCE = List.of(MESSENGER, WHATSAPP, SMS, EMAIL);
}
