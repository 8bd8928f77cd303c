package pressroom.elasticsearch.devnode;

import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * The "stemmer" filter for English only. analysis-common maps "english" (and "porter", its
 * default) to Lucene's PorterStemFilter; so does this. Its "name" parameter is an alias of
 * "language" there, and here too.
 */
final class StemmerTokenFilterFactory extends AbstractTokenFilterFactory {

    static final String TYPE = "stemmer";
    private static final Set<String> LANGUAGES = Set.of("english", "porter");

    StemmerTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
        ComponentSettings.requireOnly(TYPE, name, settings, Set.of("language", "name"));
        String language = settings.get("language", settings.get("name", "porter"));
        if (LANGUAGES.contains(language.toLowerCase(Locale.ROOT)) == false) {
            throw ComponentSettings.unsupportedValue(TYPE, name, "language", language, LANGUAGES);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PorterStemFilter(tokenStream);
    }
}
