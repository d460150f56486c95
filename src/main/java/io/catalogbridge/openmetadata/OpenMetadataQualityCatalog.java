package io.catalogbridge.openmetadata;

import io.catalogbridge.quality.QualityCatalog;
import org.springframework.stereotype.Component;

/** OpenMetadata as a destination of quality results: configured by its integration, an asset mapped by its mapping. */
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
