package pressroom.elasticsearch.devnode;

import java.util.Locale;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;

/** The min_gram/max_gram pair of an n-gram component, validated as Elasticsearch does. */
record NGramRange(int min, int max) {

    static final int DEFAULT_MIN = 1;
    static final int DEFAULT_MAX = 2;
    /** Elasticsearch's pre-configured edge_ngram filter emits only the first character. */
    static final int DEFAULT_EDGE_MAX = 1;

    NGramRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException(
                String.format(Locale.ROOT, "invalid n-gram range: min_gram [%d], max_gram [%d]", min, max)
            );
        }
    }

    static NGramRange edge(Settings settings) {
        rejectTokenChars(settings);
        return new NGramRange(settings.getAsInt("min_gram", DEFAULT_MIN), settings.getAsInt("max_gram", DEFAULT_MAX));
    }

    /** Plain n-grams multiply terms, so their spread is capped by the index's max_ngram_diff. */
    static NGramRange bounded(IndexSettings indexSettings, Settings settings) {
        NGramRange range = edge(settings);
        int maxDiff = indexSettings.getMaxNgramDiff();
        if (range.max - range.min > maxDiff) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "The difference between max_gram and min_gram in NGram Tokenizer must be less than or equal to: [%d] "
                        + "but was [%d]. This limit can be set by changing the [%s] index level setting.",
                    maxDiff,
                    range.max - range.min,
                    IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey()
                )
            );
        }
        return range;
    }

    /** Character classes are not implemented; failing beats silently tokenizing differently. */
    private static void rejectTokenChars(Settings settings) {
        if (settings.getAsList("token_chars").isEmpty() == false) {
            throw new IllegalArgumentException("token_chars is not supported by the pressroom-devnode plugin");
        }
    }
}
