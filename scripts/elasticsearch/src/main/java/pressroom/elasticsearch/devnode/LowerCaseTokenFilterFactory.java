package pressroom.elasticsearch.devnode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * The "lowercase" filter with its optional "language" (greek, irish, turkish), as analysis-common
 * has it. The server itself only knows the unconfigured "lowercase", so without this a filter
 * {"type": "lowercase", "language": "turkish"} is refused as an unknown type.
 */
final class LowerCaseTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    static final String TYPE = "lowercase";

    private static final Map<String, Function<TokenStream, TokenStream>> BY_LANGUAGE = Map.of(
        "greek",
        GreekLowerCaseFilter::new,
        "irish",
        IrishLowerCaseFilter::new,
        "turkish",
        TurkishLowerCaseFilter::new
    );

    private final Function<TokenStream, TokenStream> filter;

    LowerCaseTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
        ComponentSettings.requireOnly(TYPE, name, settings, Set.of("language"));
        String language = settings.get("language");
        if (language == null) {
            this.filter = LowerCaseFilter::new;
        } else {
            this.filter = BY_LANGUAGE.get(language.toLowerCase(Locale.ROOT));
            if (filter == null) {
                throw ComponentSettings.unsupportedValue(TYPE, name, "language", language, BY_LANGUAGE.keySet());
            }
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return filter.apply(tokenStream);
    }
}
