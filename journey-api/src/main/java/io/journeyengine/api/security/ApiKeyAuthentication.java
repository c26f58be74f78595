package io.journeyengine.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** An authenticated request: the key (never its secret) and its roles as authorities. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKey key;

    public ApiKeyAuthentication(ApiKey key) {
        super(key.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.key = key;
        setAuthenticated(true);
    }

    public ApiKey key() {
        return key;
    }

    /** The key of the current request, if it carried one. */
    public static Optional<ApiKey> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication auth
                ? Optional.of(auth.key())
                : Optional.empty();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.name();
    }
}
