package pressroom.elasticsearch.devnode;

import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

/**
 * The "mapping" char filter: rules "source => target" from the "mappings" list, applied by
 * Lucene's MappingCharFilter (the longest source wins). Rules are parsed as analysis-common
 * parses them, escapes (\\n, \\t, \\uXXXX, ...) included; "mappings_path" is not supported.
 */
final class MappingCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    static final String TYPE = "mapping";
    private static final Pattern RULE = Pattern.compile("(.*)\\s*=>\\s*(.*)\\s*$");

    private final NormalizeCharMap charMap;

    MappingCharFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        ComponentSettings.requireOnly(TYPE, name, settings, Set.of("mappings"));
        List<String> rules = settings.getAsList("mappings");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("mapping requires either `mappings` or `mappings_path` to be configured");
        }
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String rule : rules) {
            Matcher matcher = RULE.matcher(rule);
            if (matcher.find() == false) {
                throw new IllegalArgumentException("Invalid mapping rule : [" + rule + "]");
            }
            builder.add(unescape(matcher.group(1).trim()), unescape(matcher.group(2).trim()));
        }
        this.charMap = builder.build();
    }

    @Override
    public Reader create(Reader reader) {
        return new MappingCharFilter(charMap, reader);
    }

    /** The escapes analysis-common understands in a rule; any other escaped character stands for itself. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\') {
                if (position >= text.length()) {
                    throw new IllegalArgumentException("Invalid escaped char in [" + text + "]");
                }
                c = text.charAt(position++);
                switch (c) {
                    case 'n' -> c = '\n';
                    case 't' -> c = '\t';
                    case 'r' -> c = '\r';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'u' -> {
                        if (position + 4 > text.length()) {
                            throw new IllegalArgumentException("Invalid escaped char in [" + text + "]");
                        }
                        try {
                            c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(
                                String.format(Locale.ROOT, "Invalid escaped char in [%s]", text),
                                e
                            );
                        }
                        position += 4;
                    }
                    default -> {
                        // "\\\\" and any other escaped character stand for themselves.
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
