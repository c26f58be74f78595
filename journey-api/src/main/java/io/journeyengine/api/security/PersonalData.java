package io.journeyengine.api.security;

import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityType;

/**
 * How personal data is shown to a caller who may not see it (the ANALYST role): enough to tell two identities apart
 * in a listing, not enough to contact the person. Listings call {@link #forCaller} for every identity they show.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** The identity value as the current caller may see it: in full for AGENT keys, masked for everyone else. */
    public static String forCaller(Identity identity) {
        boolean agent = ApiKeyAuthentication.current().map(key -> key.has(Role.AGENT)).orElse(false);
        return agent ? identity.value() : mask(identity.type(), identity.value());
    }

    public static String mask(IdentityType type, String value) {
        if (io.journeyengine.journey.privacy.PersonalData.ERASED.equals(value)) {
            return value;
        }
        if (type == IdentityType.EMAIL) {
            int at = value.indexOf('@');
            return at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
        }
        if (type == IdentityType.PHONE) {
            return value.length() <= 5 ? "***" : value.substring(0, 3) + "*".repeat(value.length() - 5)
                    + value.substring(value.length() - 2);
        }
        return value.length() <= 4 ? "***" : "***" + value.substring(value.length() - 4);
    }
}
