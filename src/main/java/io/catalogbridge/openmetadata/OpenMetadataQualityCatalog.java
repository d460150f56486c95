package io.catalogbridge.openmetadata;

import io.catalogbridge.quality.QualityCatalog;
import org.springframework.stereotype.Component;

/**
 * OpenMetadata as a destination of quality results: configured by its integration with its quality push on
 * ({@code sql/openmetadata-quality-configured.sql}), an asset located at its mapped table's FQN.
 */
@Component
public class OpenMetadataQualityCatalog implements QualityCatalog {

    @Override
    public String catalog() {
        return "openmetadata";
    }

    @Override
    public String configuredQuery() {
        return "openmetadata-quality-configured.sql";
    }

    @Override
    public String locationsQuery() {
        return "openmetadata-quality-locations.sql";
    }
}
