package dev.smo.karmada.artifact.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packs a descriptor directory like {@code hdarctl package tar hdag/}: a gzipped tar whose entries sit under the
 * directory's name. The output is reproducible (sorted entries, zero timestamps and owners, fixed modes), so the same
 * directory always yields the same digest. Symbolic links are refused, and the {@link UnpackBudget} bounds apply, so
 * nothing is pushed that the fetcher would refuse.
 */
final class ArtifactPackager {

    /** A packed layer and the files it holds, as the fetcher would see them. */
    @SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
    record Packed(byte[] bytes, UnpackedFiles files) {}

    private final UnpackBudget budget;

    ArtifactPackager(UnpackBudget budget) {
        this.budget = budget;
    }

    Packed packDirectory(Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        String prefix =
                root.getFileName() == null ? "artifact" : root.getFileName().toString();
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root)).sorted().forEach(entries::add);
        }
        UnpackedFiles files = new UnpackedFiles();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes, gzip))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            putDirectory(tar, prefix + "/");
            for (Path path : entries) {
                String relative = root.relativize(path)
                        .toString()
                        .replace(path.getFileSystem().getSeparator(), "/");
                String name = prefix + "/" + relative;
                budget.chargeEntry(name);
                if (Files.isSymbolicLink(path)) {
                    throw new UnsafeArtifactException("The file (" + path + ") is a symbolic link; refusing to"
                            + " package it.\nMaybe copy the file it points to into the directory.");
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    putDirectory(tar, name + "/");
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    putFile(tar, name, path, files);
                } else {
                    throw new UnsafeArtifactException(
                            "The path (" + path + ") is not a regular file or directory;" + " refusing to package it.");
                }
            }
        }
        return new Packed(bytes.toByteArray(), files);
    }

    Packed packFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        budget.chargeEntry(name);
        long size = Files.size(file);
        budget.checkFileSize(name, size);
        budget.chargeBytes(size);
        byte[] content = Files.readAllBytes(file);
        UnpackedFiles files = new UnpackedFiles();
        files.addFile(name, UnpackedFiles.isYaml(name) ? content : null);
        return new Packed(content, files);
    }

    private void putFile(TarArchiveOutputStream tar, String name, Path path, UnpackedFiles files) throws IOException {
        long size = Files.size(path);
        budget.checkFileSize(name, size);
        budget.chargeBytes(size);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        normalise(entry, Files.isExecutable(path) ? 0100755 : 0100644);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        byte[] content;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            content = in.readNBytes((int) size);
        }
        tar.write(content);
        tar.closeArchiveEntry();
        files.addFile(name, UnpackedFiles.isYaml(name) ? content : null);
    }

    private static void putDirectory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        normalise(entry, 040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void normalise(TarArchiveEntry entry, int mode) {
        entry.setMode(mode);
        entry.setModTime(0);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
    }
}
