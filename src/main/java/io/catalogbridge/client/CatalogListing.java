package io.catalogbridge.client;

import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The steps of the core's {@code page-through-catalog} loop: each hands the exchange to the listing's
 * {@link CatalogPaging}, named in {@value #PAGING}. One registry look-up per step, nothing per object.
 */
@Component("catalogListing")
public class CatalogListing {

    /** The listing's CatalogPaging: the bean itself, or its name in the registry. */
    public static final String PAGING = "catalogPaging";
    /** The catalog's endpoint that asks for one page. */
    public static final String GET = "catalogGet";
    /** The endpoint each non-empty page is sent to. */
    public static final String PAGE_HANDLER = "catalogPageHandler";

    public void start(Exchange exchange) {
        paging(exchange).start(exchange);
    }

    public boolean morePages(Exchange exchange) {
        return paging(exchange).morePages(exchange);
    }

    public List<?> parse(Exchange exchange) {
        return paging(exchange).parse(exchange);
    }

    public void advance(Exchange exchange) {
        paging(exchange).advance(exchange);
    }

    /** The paging clears what it kept; the loop's inputs go too, so that a caller's next listing sets its own. */
    public void finish(Exchange exchange) {
        paging(exchange).finish(exchange);
        exchange.removeProperty(PAGING);
        exchange.removeProperty(GET);
        exchange.removeProperty(PAGE_HANDLER);
    }

    private static CatalogPaging paging(Exchange exchange) {
        Object paging = exchange.getProperty(PAGING);
        if (paging instanceof CatalogPaging bean) {
            return bean;
        }
        CatalogPaging named = paging instanceof String name
                ? exchange.getContext().getRegistry().lookupByNameAndType(name, CatalogPaging.class) : null;
        if (named == null) {
            throw new IllegalStateException("The listing's " + PAGING + " names no CatalogPaging: " + paging);
        }
        return named;
    }
}
