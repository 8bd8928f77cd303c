package pressroom.elasticsearch.devnode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;

/**
 * What the development node needs from Elasticsearch modules that the integ-test-zip
 * distribution leaves out and Maven Central does not carry.
 *
 * <p>From analysis-common: the asciifolding, ngram and edge_ngram components that
 * Wagtail's index settings use, and the mapping char filter, lowercase with a language,
 * stemmer (English) and porter_stem that our own settings (search/analysis.py) use; names,
 * defaults and checks follow that module so index settings written for a stock node work
 * unchanged. From rest-root: GET and HEAD /, see {@link RootInfoRestHandler}.
 */
public final class DevNodePlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    private final AtomicReference<ClusterService> clusterService = new AtomicReference<>();

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService.set(services.clusterService());
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
        Settings settings,
        NamedWriteableRegistry namedWriteableRegistry,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster,
        Predicate<NodeFeature> clusterSupportsFeature
    ) {
        return List.of(new RootInfoRestHandler(clusterService::get));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding", AsciiFoldingTokenFilterFactory::new,
            "ngram", NGramTokenFilterFactory::new,
            "edge_ngram", EdgeNGramTokenFilterFactory::new,
            LowerCaseTokenFilterFactory.TYPE, LowerCaseTokenFilterFactory::new,
            StemmerTokenFilterFactory.TYPE, StemmerTokenFilterFactory::new,
            PorterStemTokenFilterFactory.TYPE, PorterStemTokenFilterFactory::new,
            PatternReplaceTokenFilterFactory.TYPE, AnalysisPlugin.requiresAnalysisSettings(PatternReplaceTokenFilterFactory::new)
        );
    }

    /** A mapping without rules means nothing, so it needs settings, as in analysis-common. */
    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of(MappingCharFilterFactory.TYPE, AnalysisPlugin.requiresAnalysisSettings(MappingCharFilterFactory::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("ngram", NGramTokenizerFactory::new, "edge_ngram", EdgeNGramTokenizerFactory::new);
    }

    /** Unconfigured components, used when a request names them without index settings (e.g. _analyze). */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
            PreConfiguredTokenFilter.singleton(PorterStemTokenFilterFactory.TYPE, false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton(
                "ngram",
                false,
                in -> new NGramTokenFilter(in, NGramRange.DEFAULT_MIN, NGramRange.DEFAULT_MAX, false)
            ),
            PreConfiguredTokenFilter.singleton(
                "edge_ngram",
                false,
                in -> new EdgeNGramTokenFilter(in, NGramRange.DEFAULT_MIN, NGramRange.DEFAULT_EDGE_MAX, false)
            )
        );
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
            PreConfiguredTokenizer.singleton("ngram", NGramTokenizer::new),
            PreConfiguredTokenizer.singleton(
                "edge_ngram",
                () -> new EdgeNGramTokenizer(NGramRange.DEFAULT_MIN, NGramRange.DEFAULT_MAX)
            )
        );
    }
}
