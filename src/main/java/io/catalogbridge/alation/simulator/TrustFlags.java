package io.catalogbridge.alation.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trust flags on tables. A flag belongs to the user whose token created it, and only that user may delete it (the
 * simulator has no admins). Deleting keeps the flag with its {@code ts_deleted}, as Alation lists deleted flags
 * unless asked {@code exclude_deleted=true}. Indexed by table, so that looking before creating costs one lookup.
 */
public final class TrustFlags {

    public static final List<String> TYPES = List.of("WARNING", "DEPRECATION", "ENDORSEMENT");

    /** A flag; {@code reason} as stored (HTML), {@code deleted} null while it stands. */
    public record Flag(long id, String flagType, String reason, long tableId, long userId, Instant created,
                       Instant deleted) {

        public boolean isDeleted() {
            return deleted != null;
        }
    }

    /** What a delete did. */
    enum Deletion {
        DELETED, NOT_FOUND, NOT_THE_OWNER
    }

    private final Clock clock;
    private final Map<Long, Flag> byId = new HashMap<>();
    private final Map<Long, List<Long>> idsByTable = new HashMap<>();
    private long lastId = 500; // apart from the catalog's and the jobs' ids, so a test cannot mistake one for another
    private int createAnswersToLose;

    TrustFlags(Clock clock) {
        this.clock = clock;
    }

    /**
     * Puts a flag on a table as {@code userId} (any id: the user need not be able to mint tokens), the way a POST
     * does: for tests of a client that must leave other users' flags alone. The reason is stored as HTML.
     */
    public synchronized Flag seed(long userId, long tableId, String flagType, String reason) {
        if (!TYPES.contains(flagType)) {
            throw new IllegalArgumentException("flag type must be one of " + TYPES);
        }
        Flag flag = new Flag(++lastId, flagType, asHtml(reason), tableId, userId,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        byId.put(flag.id(), flag);
        idsByTable.computeIfAbsent(tableId, t -> new ArrayList<>(2)).add(flag.id());
        return flag;
    }

    /**
     * The next {@code creates} POSTs create their flag but lose its answer (a gateway timeout, 504, as a proxy in
     * front of a slow Alation gives): for tests of a client that must not create a second flag when it tries again.
     */
    public synchronized void loseCreateAnswers(int creates) {
        createAnswersToLose = creates;
    }

    /** Whether the answer of the POST that just created a flag is to be lost. */
    synchronized boolean loseCreateAnswer() {
        if (createAnswersToLose <= 0) {
            return false;
        }
        createAnswersToLose--;
        return true;
    }

    /** The flags of a table in the order created, the deleted ones too unless {@code excludeDeleted}. */
    public synchronized List<Flag> on(long tableId, boolean excludeDeleted) {
        return idsByTable.getOrDefault(tableId, List.of()).stream().map(byId::get)
                .filter(flag -> !excludeDeleted || !flag.isDeleted()).toList();
    }

    /** The standing flags of a table. */
    public List<Flag> on(long tableId) {
        return on(tableId, true);
    }

    public synchronized Optional<Flag> flag(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every flag ever created (deleted ones too), by id. */
    public synchronized List<Flag> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparingLong(Flag::id)).toList();
    }

    /** Forgets every flag, and any answers still to be lost. */
    public synchronized void reset() {
        byId.clear();
        idsByTable.clear();
        createAnswersToLose = 0;
    }

    synchronized Deletion delete(long id, long userId) {
        Flag flag = byId.get(id);
        if (flag == null || flag.isDeleted()) {
            return Deletion.NOT_FOUND;
        }
        if (flag.userId() != userId) {
            return Deletion.NOT_THE_OWNER;
        }
        byId.put(id, new Flag(flag.id(), flag.flagType(), flag.reason(), flag.tableId(), flag.userId(),
                flag.created(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return Deletion.DELETED;
    }

    /** Alation stores a reason as rich text: plain text comes back as {@code <p>text</p>}, HTML as given. */
    static String asHtml(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String trimmed = reason.strip();
        return trimmed.startsWith("<") ? trimmed : "<p>" + escape(trimmed) + "</p>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
