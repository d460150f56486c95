package io.catalogbridge.client;

import java.util.List;
import org.apache.camel.Exchange;

/**
 * A catalog's way of paging through one of its listings, for the core's {@code page-through-catalog} loop
 * (routes/client/paging.camel.yaml, named in its {@code catalogPaging} property): the loop is the core's; how a
 * catalog asks for its first page, reads a page and finds the next is the wing's. Every method works on the
 * listing's exchange, which also carries the wing's own request properties between the calls to its GET endpoint.
 *
 * <p>Reading ahead is optional ({@link #request}, {@link #predictNext}, {@link #requestsInFlight}): a wing that
 * names its requests lets the loop ask for the next page while the current one is parsed and handed on, on a copy
 * of the exchange; a wing that can also predict the page after lets the loop keep more than one request open.
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

    /**
     * The request set up on the exchange, as a value that equals another request's exactly when both ask for the
     * same page (its URL with its query, say). The loop uses an answer it asked for ahead only for an equal request.
     * Null (the default) keeps the listing strictly sequential: nothing is asked for before it is needed.
     */
    default Object request(Exchange exchange) {
        return null;
    }

    /**
     * Sets up on the exchange, a copy of the listing's with a request set up, the request of the page that
     * presumably follows it, and answers whether it could; the default never predicts. {@code answered}: the message
     * is that request's answer (its headers, the body not parsed yet), else only the request is known. A prediction
     * is only a guess: its answer is used when {@link #advance} sets up an equal request, and discarded otherwise. A
     * wing predicts only requests it would follow (its own host, not a page already read).
     */
    default boolean predictNext(Exchange exchange, boolean answered) {
        return false;
    }

    /** The requests the listing may keep open at once, the page being asked for included (the catalog's limit). */
    default int requestsInFlight(Exchange exchange) {
        return 1;
    }
}
