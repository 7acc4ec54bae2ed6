package dev.smo.karmada.artifact.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A blob as it comes off the wire: refuses more bytes than the manifest declared, and hashes them so the digest
 * can be checked once the blob is drained.
 */
final class BlobInputStream extends FilterInputStream {

    private final String expectedDigest;
    private final long declaredSize;
    private final MessageDigest hash;
    private long count;

    BlobInputStream(InputStream in, String expectedDigest, long declaredSize) {
        super(in);
        this.expectedDigest = expectedDigest;
        this.declaredSize = declaredSize;
        this.hash = hashFor(expectedDigest);
    }

    private static MessageDigest hashFor(String digest) {
        String algorithm = digest.substring(0, Math.max(digest.indexOf(':'), 0)).toLowerCase(Locale.ROOT);
        try {
            return switch (algorithm) {
                case "sha256" -> MessageDigest.getInstance("SHA-256");
                case "sha512" -> MessageDigest.getInstance("SHA-512");
                default -> null;
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (count > declaredSize) {
                throw new UnsafeArtifactException("The blob (" + expectedDigest + ") is longer than the " + declaredSize
                        + " bytes its manifest declares; download stopped.");
            }
            if (hash != null) {
                hash.update(buffer, offset, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(8192, Math.max(n, 1))], 0, (int) Math.min(8192, Math.max(n, 1)));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what is left and checks the size and the digest. */
    void drainAndVerify() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // the bytes are only hashed
        }
        if (count != declaredSize) {
            throw new UnsafeArtifactException("The blob (" + expectedDigest + ") holds " + count + " bytes, not the "
                    + declaredSize + " its manifest declares.");
        }
        if (hash != null) {
            String actual = expectedDigest.substring(0, expectedDigest.indexOf(':') + 1)
                    + HexFormat.of().formatHex(hash.digest());
            if (!actual.equalsIgnoreCase(expectedDigest)) {
                throw new UnsafeArtifactException(
                        "The blob digest (" + actual + ") does not match its manifest (" + expectedDigest + ").");
            }
        }
    }
}
