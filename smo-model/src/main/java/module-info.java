/** HDAG descriptor model: immutable records, YAML/JSON parsing, validation with JSON-pointer paths, serialisation. */
module dev.smo.model {
    requires transitive dev.smo.common;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    exports dev.smo.model;
}
