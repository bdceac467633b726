package dev.backlot.scaffolder.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals task secrets (AES-256-GCM) with a key kept in the data folder, not in the database: a
 * database dump alone does not reveal them. Sealed secrets live only while their task runs.
 */
final class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    private SecretBox(SecretKey key) {
        this.key = key;
    }

    /** Loads the key from {@code file}, creating it (owner-readable only) at first use. */
    static SecretBox inFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, RANDOM);
                byte[] raw = generator.generateKey().getEncoded();
                Files.writeString(file, Base64.getEncoder().encodeToString(raw), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data folder's own permissions apply
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("No AES in this Java runtime", e);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another node made it first
            }
        }
        byte[] raw = Base64.getDecoder().decode(Files.readString(file).trim());
        return new SecretBox(new SecretKeySpec(raw, "AES"));
    }

    String seal(Map<String, String> secrets) {
        if (secrets.isEmpty()) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(Json.write(secrets).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(iv) + "." + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the task's secrets", e);
        }
    }

    Map<String, String> open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return Map.of();
        }
        try {
            String[] parts = sealed.split("\\.", 2);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(parts[0])));
            String json = new String(cipher.doFinal(Base64.getDecoder().decode(parts[1])), StandardCharsets.UTF_8);
            Map<String, String> out = new java.util.LinkedHashMap<>();
            Json.readMap(json).forEach((k, v) -> out.put(k, String.valueOf(v)));
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The task's secrets cannot be opened (the key in the data folder changed?)");
        }
    }

    /** For tests: a box with a fresh random key. */
    static SecretBox random() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return new SecretBox(generator.generateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
