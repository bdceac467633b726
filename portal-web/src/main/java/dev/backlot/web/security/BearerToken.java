package dev.backlot.web.security;

import jakarta.security.enterprise.credential.Credential;

/** The value of an {@code Authorization: Bearer} header. */
public record BearerToken(String token) implements Credential {

    @Override
    public String toString() {
        return "BearerToken[***]"; // never the token itself, wherever a credential gets logged
    }
}
