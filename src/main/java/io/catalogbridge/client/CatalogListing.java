package io.catalogbridge.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the core's {@code page-through-catalog} loop: each hands the exchange to the listing's
 * {@link CatalogPaging}, named in {@value #PAGING}. One registry look-up per step, nothing per object.
 *
 * <p>Every page is asked for on a copy of the listing's exchange ({@link #fetch}), so that a page can be asked for
 * ahead while the one before is parsed and handed on ({@link #askAhead}, {@link #askNext}): the next page as soon
 * as the paging knows it, and the pages the paging predicts, up to its {@link CatalogPaging#requestsInFlight}. The
 * pages reach the loop in the order of the listing, each the answer to the request the paging set up for it; an
 * answer asked for on a guess that proves wrong is dropped. What the catalog's GET endpoint does to the exchange
 * (its answer, the properties it sets) is carried over onto the listing's exchange when the page is taken, so that
 * a page asked for ahead fails the listing with the same failure, and leaves the same properties, as one asked for
 * then.
 */
@Component("catalogListing")
public class CatalogListing {

    /** The listing's CatalogPaging: the bean itself, or its name in the registry. */
    public static final String PAGING = "catalogPaging";
    /** The catalog's endpoint that asks for one page. */
    public static final String GET = "catalogGet";
    /** The endpoint each non-empty page is sent to. */
    public static final String PAGE_HANDLER = "catalogPageHandler";
    /** The requests asked for ahead (PagesAhead), while the listing runs. */
    static final String AHEAD = "catalogPagesAhead";

    private static final Logger log = LoggerFactory.getLogger(CatalogListing.class);

    private ProducerTemplate template;
    private ExecutorService executor;

    public void start(Exchange exchange) {
        paging(exchange).start(exchange);
        exchange.setProperty(AHEAD, new PagesAhead());
    }

    public boolean morePages(Exchange exchange) {
        return paging(exchange).morePages(exchange);
    }

    /**
     * The answer to the page's request, with what the GET endpoint left on the exchange: taken from the request
     * asked for ahead when it is this one, else asked for now. A failed request fails here, as its endpoint failed.
     */
    public void fetch(Exchange exchange) throws Exception {
        CatalogPaging paging = paging(exchange);
        PagesAhead ahead = ahead(exchange);
        Object request = paging.request(exchange);
        PagesAhead.Ahead taken = request == null ? null : ahead.take(request);
        if (taken == null) {
            taken = send(exchange, request, exchange.copy(), false);
        }
        Exchange answer = PagesAhead.await(taken);
        carryOver(taken.propertiesSent(), answer, exchange);
        if (answer.getException() != null) {
            throw answer.getException();
        }
    }

    /**
     * Once a page's answer has come, before it is parsed: asks for the pages the paging predicts from it, up to its
     * limit (a wing that cannot tell, the default, asks for none).
     */
    public void askAhead(Exchange exchange) {
        CatalogPaging paging = paging(exchange);
        PagesAhead ahead = ahead(exchange);
        if (paging.request(exchange) == null || ahead.size() >= paging.requestsInFlight(exchange)) {
            return;
        }
        Exchange next = exchange.copy();
        if (!paging.predictNext(next, true)) {
            return;
        }
        // the copy keeps the request only: the answer it was predicted from is the listing's
        next.getMessage().setBody(null);
        next.getMessage().removeHeaders("*");
        Object request = paging.request(next);
        if (ahead.size() == 0) {
            ahead.add(send(exchange, request, next, true));
        } else if (!Objects.equals(ahead.first().request(), request)) {
            // the guess in flight is not the page this answer names: advance settles it
            return;
        }
        predictFurther(exchange, paging, ahead);
    }

    /** Whether the page parsed holds any object to hand on. */
    public boolean hasObjects(List<?> page) {
        return page != null && !page.isEmpty();
    }

    /**
     * Once the page is parsed and the paging has set up the next request, before the page is handed on: that
     * request is in flight while the page is matched (unless it already is), and the predicted ones after it.
     */
    public void askNext(Exchange exchange) {
        CatalogPaging paging = paging(exchange);
        PagesAhead ahead = ahead(exchange);
        Object request = paging.request(exchange);
        if (request == null || !paging.morePages(exchange)) {
            return;
        }
        if (ahead.size() == 0 || !Objects.equals(ahead.first().request(), request)) {
            ahead.take(request);
            ahead.add(send(exchange, request, exchange.copy(), true));
        }
        predictFurther(exchange, paging, ahead);
    }

    private void predictFurther(Exchange exchange, CatalogPaging paging, PagesAhead ahead) {
        int limit = paging.requestsInFlight(exchange);
        while (ahead.size() < limit && !ahead.predictionMissed()) {
            Exchange next = ahead.last().setUp().copy();
            if (!paging.predictNext(next, false)) {
                return;
            }
            ahead.add(send(exchange, paging.request(next), next, true));
        }
    }

    public List<?> parse(Exchange exchange) {
        return paging(exchange).parse(exchange);
    }

    public void advance(Exchange exchange) {
        paging(exchange).advance(exchange);
    }

    /**
     * After the listing, however it ended: waits out the requests asked for ahead that no page needed (a guess past
     * the end, a listing that failed), so that none outlives it.
     */
    public void settle(Exchange exchange) {
        Object ahead = exchange.removeProperty(AHEAD);
        if (ahead instanceof PagesAhead pages) {
            pages.settle();
            if (pages.discarded() > 0) {
                log.debug("A listing of {} dropped {} page(s) asked for ahead", exchange.getProperty(GET),
                        pages.discarded());
            }
        }
    }

    /** The paging clears what it kept; the loop's inputs go too, so that a caller's next listing sets its own. */
    public void finish(Exchange exchange) {
        paging(exchange).finish(exchange);
        exchange.removeProperty(PAGING);
        exchange.removeProperty(GET);
        exchange.removeProperty(PAGE_HANDLER);
    }

    /** Sends a copy of {@code setUp} to the catalog's GET endpoint, in the background or (for now) on this thread. */
    private PagesAhead.Ahead send(Exchange listing, Object request, Exchange setUp, boolean background) {
        String endpoint = listing.getProperty(GET, String.class);
        setUp.removeProperty(AHEAD);
        setUp.setException(null);
        // the request is in its properties: a page's body kept with it would only hold memory
        setUp.getMessage().setBody(null);
        Exchange copy = setUp.copy();
        Map<String, Object> sent = PagesAhead.snapshot(copy);
        ProducerTemplate producer = producer(listing.getContext());
        CompletableFuture<Exchange> answer = background
                ? CompletableFuture.supplyAsync(() -> producer.send(endpoint, copy), executor)
                : CompletableFuture.completedFuture(producer.send(endpoint, copy));
        return new PagesAhead.Ahead(request, setUp, sent, answer);
    }

    /**
     * The answer's message, and the properties its request set, changed or removed, onto the listing's exchange;
     * the listing's own properties, changed since the request was sent (by the page handler), stay as they are.
     */
    private static void carryOver(Map<String, Object> sent, Exchange answer, Exchange listing) {
        Map<String, Object> after = answer.getProperties();
        after.forEach((name, value) -> {
            if (!sent.containsKey(name) || sent.get(name) != value) {
                listing.setProperty(name, value);
            }
        });
        sent.keySet().forEach(name -> {
            if (!after.containsKey(name)) {
                listing.removeProperty(name);
            }
        });
        listing.getMessage().setBody(answer.getMessage().getBody());
        listing.getMessage().removeHeaders("*");
        listing.getMessage().setHeaders(new java.util.HashMap<>(answer.getMessage().getHeaders()));
    }

    private synchronized ProducerTemplate producer(CamelContext context) {
        if (template == null) {
            template = context.createProducerTemplate();
            // threads only for the requests asked for ahead, which each listing bounds by its paging's limit
            executor = context.getExecutorServiceManager().newCachedThreadPool(this, "CatalogPagesAhead");
        }
        return template;
    }

    private static PagesAhead ahead(Exchange exchange) {
        PagesAhead ahead = exchange.getProperty(AHEAD, PagesAhead.class);
        if (ahead == null) {
            ahead = new PagesAhead();
            exchange.setProperty(AHEAD, ahead);
        }
        return ahead;
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
