package dev.smo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseConfigTest {

    static Stream<Arguments> uris() {
        return Stream.of(
                arguments(
                        Named.of("original form", "postgresql://root:password@localhost:5432/smo"),
                        new DatabaseConfig("localhost", 5432, "smo", "root", "password")),
                arguments(
                        Named.of("postgres scheme, no port", "postgres://u@db.example/smo"),
                        new DatabaseConfig("db.example", 5432, "smo", "u", null)),
                arguments(
                        Named.of("no credentials", "postgresql://10.0.0.5:6543/orchestrator"),
                        new DatabaseConfig("10.0.0.5", 6543, "orchestrator", null, null)),
                arguments(
                        Named.of("escaped password", "postgresql://u:p%40ss%3Aw%2Fd+x@h/db"),
                        new DatabaseConfig("h", 5432, "db", "u", "p@ss:w/d+x")),
                arguments(
                        Named.of("IPv6 host", "postgresql://u:p@[::1]:5433/db"),
                        new DatabaseConfig("::1", 5433, "db", "u", "p")));
    }

    @ParameterizedTest
    @MethodSource("uris")
    void parseReadsLibpqUris(String uri, DatabaseConfig expected) {
        assertThat(DatabaseConfig.parse(uri)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://h/db", "mysql://h/db", "postgresql://h", "postgresql://h/", "::"})
    void parseRejectsOtherFormsWithAHint(String uri) {
        assertThatThrownBy(() -> DatabaseConfig.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Maybe");
    }

    @Test
    void ofTakesTheOriginalsFixedPortUnlessTheHostNamesOne() {
        assertThat(DatabaseConfig.of("localhost", "smo", "root", "password"))
                .isEqualTo(new DatabaseConfig("localhost", 5432, "smo", "root", "password"));
        assertThat(DatabaseConfig.of("db:6543", "smo", null, null).port()).isEqualTo(6543);
        assertThatThrownBy(() -> DatabaseConfig.of("db:x", "smo", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(x)");
    }

    @Test
    void jdbcUrlBracketsIpv6Hosts() {
        assertThat(new DatabaseConfig("h", 5432, "smo", null, null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/smo");
        assertThat(new DatabaseConfig("::1", 5433, "smo", null, null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/smo");
    }

    @Test
    void toStringAndErrorsHideThePassword() {
        assertThat(new DatabaseConfig("h", 5432, "smo", "u", "s3cret").toString())
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> DatabaseConfig.parse("mysql://u:s3cret@h/db")).hasMessageNotContaining("s3cret");
    }

    @Test
    void blankHostOrNameAndBadPortsAreRejected() {
        assertThatThrownBy(() -> new DatabaseConfig(" ", 5432, "smo", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
        assertThatThrownBy(() -> new DatabaseConfig("h", 5432, "", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new DatabaseConfig("h", 70000, "smo", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
