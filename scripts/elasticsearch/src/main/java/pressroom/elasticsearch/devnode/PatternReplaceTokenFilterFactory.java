package pressroom.elasticsearch.devnode;

import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * The "pattern_replace" filter, as analysis-common builds it: the pattern compiled with
 * Elasticsearch's Regex.compile (and its "flags"), "replacement" default empty, "all"
 * default true, then Lucene's PatternReplaceFilter.
 */
final class PatternReplaceTokenFilterFactory extends AbstractTokenFilterFactory {

    static final String TYPE = "pattern_replace";

    private final Pattern pattern;
    private final String replacement;
    private final boolean all;

    PatternReplaceTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
        ComponentSettings.requireOnly(TYPE, name, settings, Set.of("pattern", "flags", "replacement", "all"));
        String source = settings.get("pattern", null);
        if (source == null) {
            throw new IllegalArgumentException("pattern is missing for [" + name + "] token filter of type '" + TYPE + "'");
        }
        this.pattern = Regex.compile(source, settings.get("flags"));
        this.replacement = settings.get("replacement", "");
        this.all = settings.getAsBoolean("all", true);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PatternReplaceFilter(tokenStream, pattern, replacement, all);
    }
}
