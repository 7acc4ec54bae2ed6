package dev.smo.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * The AES-256 key that seals the secrets SMO stores (VIM passwords). Lose it and the sealed secrets cannot be
 * opened again: the VIMs must then be registered anew. Its {@link #toString()} never shows it.
 */
public final class SealingKey {

    /** Key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final byte[] key;

    private SealingKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("Sealing key is " + key.length + " bytes long, not " + LENGTH
                    + ".\nMaybe generate one with: " + "openssl rand -base64 32");
        }
        this.key = key.clone();
    }

    /**
     * @param base64 32 bytes in base64
     * @return the key
     * @throws IllegalArgumentException when the text is not base64 of 32 bytes
     */
    public static SealingKey fromBase64(String base64) {
        try {
            return new SealingKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Sealing key is not base64 of " + LENGTH + " bytes: " + e.getMessage()
                            + "\nMaybe generate one with: openssl rand -base64 32",
                    e);
        }
    }

    /**
     * @param file where the key is kept, in base64
     * @return the key read from the file, or generated and written there with owner-only permissions (0600)
     * @throws UnableToAccessDatabaseException when the file cannot be read or created
     */
    public static SealingKey fromFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!Files.exists(file)) {
                byte[] random = new byte[LENGTH];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                    Files.writeString(
                            file, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another start wrote it first: read theirs
                }
            }
            Files.setPosixFilePermissions(file, OWNER_FILE);
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot read or create the sealing key file (" + file + "): " + e.getMessage(), e);
        }
    }

    /** @return a copy of the key's bytes */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealingKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SealingKey[***]";
    }
}
