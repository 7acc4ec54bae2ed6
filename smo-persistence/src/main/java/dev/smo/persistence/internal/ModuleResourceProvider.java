package dev.smo.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway a fixed list of resources read through a class of this module, which works whether the module is
 * on the class path or the module path (where Flyway's own scanner cannot see into it).
 */
final class ModuleResourceProvider implements ResourceProvider {

    private final Class<?> anchor;
    private final String location;
    private final List<String> fileNames;

    ModuleResourceProvider(Class<?> anchor, String location, List<String> fileNames) {
        this.anchor = anchor;
        this.location = location;
        this.fileNames = List.copyOf(fileNames);
    }

    @Override
    public LoadableResource getResource(String name) {
        String fileName = name.startsWith(location + "/") ? name.substring(location.length() + 1) : name;
        return fileNames.contains(fileName) ? new ModuleResource(fileName) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return fileNames.stream()
                .filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
                .<LoadableResource>map(ModuleResource::new)
                .toList();
    }

    private final class ModuleResource extends LoadableResource {

        private final String fileName;

        ModuleResource(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            String path = "/" + location + "/" + fileName;
            InputStream in = anchor.getResourceAsStream(path);
            if (in == null) {
                throw new UncheckedIOException(
                        new IOException("Migration (" + path + ") is missing from " + anchor.getModule() + "."));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return location + "/" + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return location + "/" + fileName;
        }
    }
}
