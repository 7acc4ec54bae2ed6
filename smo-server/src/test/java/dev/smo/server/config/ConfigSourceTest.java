package dev.smo.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentWinsOverTheFileAndEachValueKnowsItsOrigin() throws Exception {
        Path file = Files.writeString(dir.resolve("smo.yaml"), "SMO_PORT: 9000\nSMO_BIND: 0.0.0.0\n");

        ConfigSource source = ConfigSource.load(Map.of("SMO_PORT", "9100"), Optional.of(file));

        assertThat(source.problems()).isEmpty();
        assertThat(source.text("SMO_PORT")).contains("9100");
        assertThat(source.origin("SMO_PORT")).isEqualTo("environment");
        assertThat(source.text("SMO_BIND")).contains("0.0.0.0");
        assertThat(source.origin("SMO_BIND")).isEqualTo("file " + file);
        assertThat(source.origin("SMO_HOME")).isEqualTo("default");
    }

    @Test
    void aSecretIsReadFromItsFileTrimmed() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "  0123456789abcdef0123\n");

        ConfigSource source = ConfigSource.load(Map.of("SMO_API_TOKEN_FILE", token.toString()), Optional.empty());

        assertThat(source.text("SMO_API_TOKEN")).contains("0123456789abcdef0123");
        assertThat(source.origin("SMO_API_TOKEN")).isEqualTo(token + " (via SMO_API_TOKEN_FILE)");
    }

    @Test
    void problemsNameTheSettingAndNeverItsSecret() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "0123456789abcdef0123");
        Path file = Files.writeString(dir.resolve("smo.yaml"), "SMO_PROT: 9000\nSMO_BIND: [a, b]\n");

        List<String> problems = ConfigSource.load(
                        Map.of(
                                "SMO_API_TOKEN", "abcdefabcdefabcdef",
                                "SMO_API_TOKEN_FILE", token.toString(),
                                "SMO_PORT_FILE", token.toString(),
                                "DB_PASSWORD_FILE", dir.resolve("missing").toString()),
                        Optional.of(file))
                .problems();

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("SMO_PROT, which SMO does not know", "Maybe SMO_PORT"))
                .anySatisfy(p -> assertThat(p).contains("SMO_BIND in the configuration file", "single value"))
                .anySatisfy(p -> assertThat(p).contains("SMO_API_TOKEN and SMO_API_TOKEN_FILE are both set"))
                .anySatisfy(p -> assertThat(p).contains("SMO_PORT is not a secret"))
                .anySatisfy(p -> assertThat(p).contains("DB_PASSWORD_FILE", "cannot be read"))
                .hasSize(5)
                .allSatisfy(p -> assertThat(p).doesNotContain("abcdefabcdef", "0123456789abcdef0123"));
    }

    @Test
    void aValueFromTheFileIsNamedInItsProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("smo.yaml"), "SMO_PORT: eighty\n");

        assertThatThrownBy(() -> EnvironmentConfig.read(Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SMO_PORT (eighty) is not a whole number. (set in file " + file + ")");
    }

    @Test
    void readingASettingTheCatalogueDoesNotListIsABug() {
        ConfigSource source = ConfigSource.load(Map.of(), Optional.empty());

        assertThatThrownBy(() -> source.text("SMO_UNLISTED")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The README's configuration table and the catalogue name the same settings. */
    @Test
    void theReadmeDocumentsEverySettingAndNoOther() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("### Configuration");
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        Set<String> documented = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Z0-9]*_[A-Z0-9_]+|PG[A-Z]+)`").matcher(section);
        while (m.find()) {
            String name = m.group(1);
            documented.add(Setting.named(name).isPresent() ? name : name.replaceAll("_FILE$", ""));
        }
        Set<String> catalogue = Setting.ALL.stream().map(Setting::name).collect(Collectors.toSet());

        assertThat(documented).containsExactlyInAnyOrderElementsOf(catalogue);
    }
}
