package io.catalogbridge.alation;

import io.catalogbridge.quality.QualityCatalog;
import org.springframework.stereotype.Component;

/** Alation as a destination of quality results: configured by its integration, an asset mapped by its mapping. */
@Component
public class AlationQualityCatalog implements QualityCatalog {

    @Override
    public String catalog() {
        return "alation";
    }

    @Override
    public String configuredQuery() {
        return "alation-quality-configured.sql";
    }

    @Override
    public String locationsQuery() {
        return "alation-quality-locations.sql";
    }
}
