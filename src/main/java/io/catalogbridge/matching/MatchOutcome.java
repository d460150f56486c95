package io.catalogbridge.matching;

import java.util.List;

/**
 * The result of matching one asset. {@code mapping} (the wing's) is set only when {@link MatchStatus#MAPPED};
 * {@code candidateTableIds} are the matching tables' ids, ascending (the mapped one, the ambiguous ones, or none);
 * {@code reason} says in words what was found where, for a user to act on.
 */
public record MatchOutcome<I extends Comparable<? super I>, M>(String assetId, MatchStatus status, M mapping,
        List<I> candidateTableIds, String reason) {

    public MatchOutcome {
        candidateTableIds = List.copyOf(candidateTableIds);
    }

    static <I extends Comparable<? super I>, M> MatchOutcome<I, M> mapped(String assetId, I tableId, M mapping,
            String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.MAPPED, mapping, List.of(tableId), reason);
    }

    static <I extends Comparable<? super I>, M> MatchOutcome<I, M> ambiguous(String assetId, List<I> candidateTableIds,
            String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.AMBIGUOUS, null, candidateTableIds, reason);
    }

    static <I extends Comparable<? super I>, M> MatchOutcome<I, M> unmatched(String assetId, String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.UNMATCHED, null, List.<I>of(), reason);
    }
}
