package dev.smo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What users depend on: every exported package is documented, and the BOM names every artifact at our version. */
class ArtifactsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");
    private static final Pattern VERSION = Pattern.compile("<artifactId>(smo-parent|smo-bom)</artifactId>\\s*"
            + "(?:<name>[^<]*</name>\\s*)?(?:<packaging>pom</packaging>\\s*)?<version>([^<]+)</version>");

    private static final Pattern SPOTLESS =
            Pattern.compile("<artifactId>spotless-maven-plugin</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void everyExportedPackageHasADocumentedPackageInfo() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (String module : modules()) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            Path descriptor = sources.resolve("module-info.java");
            if (!Files.exists(descriptor)) {
                continue;
            }
            Matcher m = EXPORTS.matcher(read(descriptor));
            while (m.find()) {
                Path info = sources.resolve(m.group(1).replace('.', '/')).resolve("package-info.java");
                String text = Files.exists(info) ? read(info) : "";
                int doc = text.indexOf("/**");
                int end = text.indexOf("*/", Math.max(doc, 0));
                if (doc < 0
                        || end < 0
                        || text.substring(doc + 3, end).replaceAll("[\\s*]", "").length() < 40) {
                    undocumented.add(module + ": " + m.group(1));
                }
            }
        }
        assertThat(undocumented)
                .as("exported packages without a package-info comment")
                .isEmpty();
    }

    @Test
    void bomManagesEveryArtifactAtTheReactorVersion() throws IOException {
        String parent = read(ROOT.resolve("pom.xml"));
        String bom = read(ROOT.resolve("smo-bom/pom.xml"));

        assertThat(version(bom)).isEqualTo(version(parent));
        assertThat(spotless(bom)).as("smo-bom's Spotless version").isEqualTo(spotless(parent));
        for (String module : modules()) {
            if (!module.equals("smo-bom") && published(module)) {
                assertThat(bom)
                        .as("smo-bom manages " + module)
                        .contains("<artifactId>" + module + "</artifactId><version>${project.version}</version>");
            }
        }
    }

    private static List<String> modules() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertThat(modules).contains("smo-core", "smo-bom", "smo-junit");
        return modules;
    }

    /** Packaging modules (the container image, the chart's tests) are neither installed nor published. */
    private static boolean published(String module) throws IOException {
        return !read(ROOT.resolve(module).resolve("pom.xml")).contains("<maven.deploy.skip>true</maven.deploy.skip>");
    }

    private static String version(String pom) {
        Matcher m = VERSION.matcher(pom);
        assertThat(m.find())
                .as("version of " + pom.substring(0, Math.min(pom.length(), 400)))
                .isTrue();
        return m.group(2);
    }

    private static String spotless(String pom) {
        Matcher m = SPOTLESS.matcher(pom);
        assertThat(m.find()).as("Spotless plugin version").isTrue();
        return m.group(1);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
