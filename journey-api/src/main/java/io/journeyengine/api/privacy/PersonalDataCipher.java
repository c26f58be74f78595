package io.journeyengine.api.privacy;

import io.journeyengine.journey.privacy.PersonalData;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals a personal value with its customer's key (AES-256-GCM, a random 96-bit nonce per value) as
 * {@code <keyId>.<base64url(nonce || ciphertext || tag)>}, and opens it again. A value whose key was erased opens as
 * {@link PersonalData#ERASED}: the rest of its event stays readable, so views can still be rebuilt.
 */
@Component
public class PersonalDataCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public String seal(String subjectId, String value) {
        PersonalDataKeys.Key key = keys.currentKey(subjectId);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return key.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt personal data", e);
        }
    }

    public String open(String sealed) {
        int dot = sealed.indexOf('.');
        if (dot <= 0) {
            return PersonalData.ERASED;
        }
        Optional<SecretKey> key = keys.byId(sealed.substring(0, dot));
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Not sealed with this key (or damaged): as unreadable as an erased one.
            return PersonalData.ERASED;
        }
    }
}
