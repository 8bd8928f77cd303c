package pressroom.elasticsearch.devnode;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** The "ngram" filter. */
final class NGramTokenFilterFactory extends AbstractTokenFilterFactory {

    private final NGramRange range;
    private final boolean preserveOriginal;

    NGramTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
        this.range = NGramRange.bounded(indexSettings, settings);
        this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new NGramTokenFilter(tokenStream, range.min(), range.max(), preserveOriginal);
    }
}
