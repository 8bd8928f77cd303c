package pressroom.elasticsearch.devnode;

import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** The "porter_stem" filter: Lucene's PorterStemFilter, without parameters. */
final class PorterStemTokenFilterFactory extends AbstractTokenFilterFactory {

    static final String TYPE = "porter_stem";

    PorterStemTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
        ComponentSettings.requireOnly(TYPE, name, settings, Set.of());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PorterStemFilter(tokenStream);
    }
}
