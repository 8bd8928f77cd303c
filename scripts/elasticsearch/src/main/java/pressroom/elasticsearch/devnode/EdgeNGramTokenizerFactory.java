package pressroom.elasticsearch.devnode;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/** The "edge_ngram" tokenizer, over all characters (token_chars is not supported). */
final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {

    private final NGramRange range;

    EdgeNGramTokenizerFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(indexSettings, settings, name);
        this.range = NGramRange.edge(settings);
    }

    @Override
    public Tokenizer create() {
        return new EdgeNGramTokenizer(range.min(), range.max());
    }
}
