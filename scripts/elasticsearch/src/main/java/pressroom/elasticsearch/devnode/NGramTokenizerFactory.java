package pressroom.elasticsearch.devnode;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/** The "ngram" tokenizer, over all characters (token_chars is not supported). */
final class NGramTokenizerFactory extends AbstractTokenizerFactory {

    private final NGramRange range;

    NGramTokenizerFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(indexSettings, settings, name);
        this.range = NGramRange.bounded(indexSettings, settings);
    }

    @Override
    public Tokenizer create() {
        return new NGramTokenizer(range.min(), range.max());
    }
}
