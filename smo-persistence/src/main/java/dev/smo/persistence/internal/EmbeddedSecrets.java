package dev.smo.persistence.internal;

import dev.smo.persistence.UnableToAccessDatabaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** The embedded database's password file (0600) and socket directory (0700), created once and kept. */
public final class EmbeddedSecrets {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    /** Unix socket paths are limited to 107 bytes; {@code /.s.PGSQL.65535} takes 16 of them. */
    private static final int MAX_SOCKET_DIRECTORY = 90;

    private EmbeddedSecrets() {}

    /**
     * @param file where the password is kept
     * @return the password: read from the file, or generated and written there with owner-only permissions
     */
    public static String password(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String generated = HexFormat.of().formatHex(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                    Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another start wrote it first: read theirs
                }
            }
            Files.setPosixFilePermissions(file, OWNER_FILE);
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException | UnsupportedOperationException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot read or create the embedded database's password file (" + file + "): " + e.getMessage(), e);
        }
    }

    /**
     * @param directory where the Unix socket goes
     * @return the directory, created with owner-only permissions; {@code null} (no Unix socket) when its path is too
     *         long for a socket
     */
    public static Path privateDirectory(Path directory) {
        if (directory.toString().length() > MAX_SOCKET_DIRECTORY) {
            return null;
        }
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            Files.setPosixFilePermissions(directory, OWNER_DIR);
            return directory;
        } catch (IOException | UnsupportedOperationException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot prepare the embedded database's socket directory (" + directory + "): " + e.getMessage(),
                    e);
        }
    }
}
