package dev.smo.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.smo.model.ParseOptions;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/** The Jackson factories and mappers used to read and write descriptors. */
final class Factories {

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(1000)
            .maxNumberLength(1000)
            .maxStringLength(4 * 1024 * 1024)
            .build();
    private static final JsonFactory JSON =
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final YAMLFactory DEFAULT_YAML = createYaml(ParseOptions.defaults());
    private static final ObjectMapper YAML_WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new NonStringQuoting())
            .build());
    private static final ObjectMapper JSON_WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Factories() {}

    static JsonFactory json() {
        return JSON;
    }

    static YAMLFactory yaml(ParseOptions options) {
        return options.maxBytes() == ParseOptions.defaults().maxBytes() ? DEFAULT_YAML : createYaml(options);
    }

    static ObjectMapper yamlWriter() {
        return YAML_WRITER;
    }

    static ObjectMapper jsonWriter() {
        return JSON_WRITER;
    }

    private static YAMLFactory createYaml(ParseOptions options) {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(options.maxAliases());
        loader.setNestingDepthLimit(options.maxDepth());
        loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(1024, options.maxBytes())));
        loader.setAllowDuplicateKeys(true); // TreeReader reports duplicates itself, without stopping
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(CONSTRAINTS)
                .build();
    }

    /** Quotes every string that a YAML reader would otherwise take for a number, boolean or null. */
    private static final class NonStringQuoting extends StringQuotingChecker.Default {

        private static final long serialVersionUID = 1L;
        private static final Pattern NON_STRING =
                Pattern.compile("[-+.0-9].*|(?i:true|false|yes|no|on|off|y|n|null|~|\\.inf|\\.nan)");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value)
                    || value.isEmpty()
                    || NON_STRING.matcher(value).matches();
        }
    }
}
