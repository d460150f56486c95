package io.catalogbridge.client;

import java.util.List;
import org.apache.camel.Exchange;

/**
 * A catalog's way of paging through one of its listings, for the core's {@code page-through-catalog} loop
 * (routes/client/paging.camel.yaml, named in its {@code catalogPaging} property): the loop is the core's; how a
 * catalog asks for its first page, reads a page and finds the next is the wing's. Every method works on the
 * listing's exchange, which also carries the wing's own request properties between the calls to its GET endpoint.
 */
public interface CatalogPaging {

    /** Sets up the first page's request from the caller's listing properties; {@link #morePages} is true after it. */
    void start(Exchange exchange);

    /**
     * The usable objects of the page in the body, the catalog's answer as bytes with its headers: the list becomes
     * the body that the page handler is given. An answer that is not a page of the listing fails.
     */
    List<?> parse(Exchange exchange);

    /**
     * After a page is parsed (the body is that page): sets up the next page's request, or ends the listing so that
     * {@link #morePages} is false. A next page that must not be followed (a loop, another host) fails.
     */
    void advance(Exchange exchange);

    /** Whether the listing has a page still to be asked for. */
    boolean morePages(Exchange exchange);

    /** Once the last page has been handed on: clears what the paging kept for itself. */
    default void finish(Exchange exchange) {
    }
}
