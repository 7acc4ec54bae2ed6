package dev.smo.karmada.artifact.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks one layer into {@link UnpackedFiles}, in memory, while charging an {@link UnpackBudget}.
 *
 * <p>The format is sniffed, not trusted from the media type: gzip (magic {@code 1f 8b}) is inflated first, then a
 * tar (the {@code ustar} magic) is walked entry by entry; anything else is a single plain file named by the layer's
 * title annotation. Links are never followed: one pointing inside the artifact is skipped, one pointing outside is
 * refused, as are absolute or {@code ..} names and device or FIFO entries.
 */
final class LayerUnpacker {

    private static final int TAR_HEADER = 512;

    private final UnpackBudget budget;
    private final UnpackedFiles files;

    LayerUnpacker(UnpackBudget budget, UnpackedFiles files) {
        this.budget = budget;
        this.files = files;
    }

    /**
     * @param blob the layer's bytes as downloaded
     * @param name the layer's file name (its title annotation or one made from its digest)
     */
    void unpack(InputStream blob, String name) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(blob);
        InputStream plain;
        String plainName = name;
        if (startsWithGzipMagic(raw)) {
            GzipCompressorInputStream inflated = GzipCompressorInputStream.builder()
                    .setInputStream(raw)
                    .setDecompressConcatenated(true)
                    .get();
            plain = new BufferedInputStream(new BudgetInputStream(inflated, budget), TAR_HEADER * 2);
            plainName = stripGzipSuffix(name);
        } else {
            plain = new BufferedInputStream(new BudgetInputStream(raw, budget), TAR_HEADER * 2);
        }
        if (isTar(plain)) {
            unpackTar(plain);
        } else {
            String path = EntryPaths.safeName(plainName);
            budget.chargeEntry(path);
            files.addFile(path, readFile(path, plain, UnpackedFiles.isYaml(path)));
        }
    }

    private void unpackTar(InputStream in) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String path = EntryPaths.safeName(entry.getName());
            budget.chargeEntry(path);
            if (entry.isSymbolicLink() || entry.isLink()) {
                boolean symbolic = entry.isSymbolicLink();
                if (!EntryPaths.staysInside(path, entry.getLinkName(), symbolic)) {
                    throw new UnsafeArtifactException("The archive entry (" + EntryPaths.printable(path) + ") is a "
                            + (symbolic ? "symbolic" : "hard") + " link to ("
                            + EntryPaths.printable(entry.getLinkName()) + "), outside the artifact; refused.");
                }
                files.addSkippedLink(path);
            } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                throw new UnsafeArtifactException(
                        "The archive entry (" + EntryPaths.printable(path) + ") is a device or FIFO; refused.");
            } else if (entry.isFile() && !entry.isDirectory() && !path.isEmpty()) {
                budget.checkFileSize(path, entry.getSize());
                files.addFile(path, readFile(path, tar, UnpackedFiles.isYaml(path)));
            }
            // directories and other metadata entries carry no content to keep
        }
    }

    /** Reads one file's bytes, keeping them only when asked, and refusing it past the per-file bound. */
    private byte[] readFile(String path, InputStream in, boolean keep) throws IOException {
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            budget.checkFileSize(path, total);
            if (out != null) {
                out.write(buffer, 0, n);
            }
        }
        return out == null ? null : out.toByteArray();
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static boolean isTar(InputStream in) throws IOException {
        in.mark(TAR_HEADER);
        byte[] header = in.readNBytes(TAR_HEADER);
        in.reset();
        return header.length == TAR_HEADER && TarArchiveInputStream.matches(header, header.length);
    }

    private static String stripGzipSuffix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tgz")) {
            return name.substring(0, name.length() - 4) + ".tar";
        }
        return lower.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
