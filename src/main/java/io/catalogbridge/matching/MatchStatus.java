package io.catalogbridge.matching;

/** What matching concluded for one asset. */
public enum MatchStatus {
    /** Exactly one catalog table: the asset is mapped to it. */
    MAPPED,
    /** Several catalog tables and nothing to choose between them: not mapped, the candidates are reported. */
    AMBIGUOUS,
    /** No catalog table: not mapped, the reason says where the matcher looked. */
    UNMATCHED
}
