package io.catalogbridge.matching;

import java.util.Collection;

/** How many assets matching mapped, found ambiguous and left unmatched. */
public record MatchSummary(int assets, int mapped, int ambiguous, int unmatched) {

    public static MatchSummary of(Collection<? extends MatchOutcome<?, ?>> outcomes) {
        int mapped = 0;
        int ambiguous = 0;
        for (MatchOutcome<?, ?> outcome : outcomes) {
            mapped += outcome.status() == MatchStatus.MAPPED ? 1 : 0;
            ambiguous += outcome.status() == MatchStatus.AMBIGUOUS ? 1 : 0;
        }
        return new MatchSummary(outcomes.size(), mapped, ambiguous, outcomes.size() - mapped - ambiguous);
    }
}
