package io.catalogbridge.matching;

import io.catalogbridge.mapping.AlationMapping;

import java.util.List;

/**
 * The result of matching one asset. {@code mapping} is set only when {@link MatchStatus#MAPPED};
 * {@code candidateTableIds} are the matching Alation table ids, ascending (the mapped one, the ambiguous ones, or
 * none); {@code reason} says in words what was found where, for a user to act on.
 */
public record MatchOutcome(String assetId, MatchStatus status, AlationMapping mapping, List<Long> candidateTableIds,
        String reason) {

    public MatchOutcome {
        candidateTableIds = List.copyOf(candidateTableIds);
    }

    static MatchOutcome mapped(AlationMapping mapping, String reason) {
        return new MatchOutcome(mapping.assetId(), MatchStatus.MAPPED, mapping, List.of(mapping.tableId()), reason);
    }

    static MatchOutcome ambiguous(String assetId, List<Long> candidateTableIds, String reason) {
        return new MatchOutcome(assetId, MatchStatus.AMBIGUOUS, null, candidateTableIds, reason);
    }

    static MatchOutcome unmatched(String assetId, String reason) {
        return new MatchOutcome(assetId, MatchStatus.UNMATCHED, null, List.of(), reason);
    }
}
