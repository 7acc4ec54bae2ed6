package dev.smo.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlywayMigratorTest {

    @Test
    void everyMigrationFileIsListed() throws URISyntaxException, IOException {
        URL folder = FlywayMigrator.class.getResource("/db/migration");
        assertThat(folder).isNotNull();
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactlyElementsOf(FlywayMigrator.MIGRATIONS);
    }

    @Test
    void resourcesAreFoundByPrefixAndSuffixOnly() {
        ModuleResourceProvider provider =
                new ModuleResourceProvider(FlywayMigrator.class, "db/migration", FlywayMigrator.MIGRATIONS);

        assertThat(provider.getResources("V", new String[] {".sql"})).hasSize(FlywayMigrator.MIGRATIONS.size());
        assertThat(provider.getResources("R", new String[] {".sql"})).isEmpty();
        assertThat(provider.getResource("db/migration/V1__schema.sql")).isNotNull();
        assertThat(provider.getResource("V9__missing.sql")).isNull();
    }
}
