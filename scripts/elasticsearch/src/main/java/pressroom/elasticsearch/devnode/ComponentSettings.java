package pressroom.elasticsearch.devnode;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.elasticsearch.common.settings.Settings;

/** Parameter checks shared by the analysis components of this plugin. */
final class ComponentSettings {

    private ComponentSettings() {}

    /**
     * Fails on any parameter but "type" and {@code supported}. A stock node's analysis-common may
     * accept more; failing here beats a development index that silently analyses differently.
     * Keys under "index." are the index's own settings, which Elasticsearch hands to the default
     * instance of each component (the one used when a type's name is referred to directly).
     */
    static void requireOnly(String type, String name, Settings settings, Set<String> supported) {
        for (String key : settings.keySet()) {
            String parameter = key.split("\\.", 2)[0];
            if (parameter.equals("type") || parameter.equals("index") || supported.contains(parameter)) {
                continue;
            }
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "[%s] of type [%s]: parameter [%s] is not supported by the pressroom-devnode plugin (supported: %s); "
                        + "see docs/search-engine.md",
                    name,
                    type,
                    parameter,
                    new TreeSet<>(supported)
                )
            );
        }
    }

    /** An unsupported value of a parameter that the plugin implements only in part. */
    static IllegalArgumentException unsupportedValue(String type, String name, String parameter, String value, Set<String> supported) {
        return new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "[%s] of type [%s]: %s [%s] is not supported by the pressroom-devnode plugin (supported: %s); see docs/search-engine.md",
                name,
                type,
                parameter,
                value,
                new TreeSet<>(supported)
            )
        );
    }
}
