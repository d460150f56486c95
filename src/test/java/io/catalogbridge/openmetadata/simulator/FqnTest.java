package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.tree.ParseTreeWalker;
import org.junit.jupiter.api.Test;
import org.openmetadata.schema.FqnBaseListener;
import org.openmetadata.schema.FqnLexer;
import org.openmetadata.schema.FqnParser;

/**
 * The simulator's FQNs against OpenMetadata's own grammar ({@code Fqn.g4}, compiled into openmetadata-spec 1.4.0 as
 * FqnLexer/FqnParser), split the way the server's FullyQualifiedName.split does: every FQN of the catalog parses, into
 * exactly the quoted parts of its service, database, schema and table.
 */
class FqnTest {

    @Test
    void quotingAndSplittingRoundTrip() {
        assertThat(Fqn.build("pg_prod", "sales", "public", "fin.ledger")).isEqualTo("pg_prod.sales.public.\"fin.ledger\"");
        assertThat(Fqn.quote("invoice \"v1.2\"")).isEqualTo("\"invoice \"\"v1.2\"\"\"");
        assertThat(Fqn.quote("orders")).isEqualTo("orders");
        assertThat(Fqn.split("a.\"b.c\".\"d \"\"e.f\"\"\"")).containsExactly("a", "b.c", "d \"e.f\"");
        assertThat(Fqn.split("a..b")).isNull();
        assertThat(Fqn.split("a.\"b")).isNull();
    }

    @Test
    void everyFqnOfTheCatalogParsesWithOpenMetadatasGrammarIntoItsParts() {
        OpenMetadataCatalog catalog = new OpenMetadataCatalog(42, 30_000);
        long checked = catalog.tables().peek(table -> {
            OmSchema schema = table.schema();
            List<String> expected = List.of(Fqn.quote(schema.service().name()), Fqn.quote(schema.database().name()),
                    Fqn.quote(schema.name()), Fqn.quote(table.name()));
            assertThat(officialSplit(table.fullyQualifiedName())).as(table.fullyQualifiedName())
                    .isEqualTo(expected);
            assertThat(Fqn.split(table.fullyQualifiedName())).containsExactly(schema.service().name(),
                    schema.database().name(), schema.name(), table.name());
        }).count();
        assertThat(checked).isEqualTo(30_000);
        assertThat(catalog.tables().filter(t -> t.fullyQualifiedName().contains("\"")).count()).isPositive();
    }

    /** OpenMetadata's FullyQualifiedName.split: its parser with bail-out errors, each name as written. */
    static List<String> officialSplit(String fqn) {
        FqnParser parser = new FqnParser(new CommonTokenStream(new FqnLexer(CharStreams.fromString(fqn))));
        parser.setErrorHandler(new BailErrorStrategy());
        List<String> parts = new ArrayList<>();
        new ParseTreeWalker().walk(new FqnBaseListener() {
            @Override
            public void enterQuotedName(FqnParser.QuotedNameContext name) {
                parts.add(name.getText());
            }

            @Override
            public void enterUnquotedName(FqnParser.UnquotedNameContext name) {
                parts.add(name.getText());
            }
        }, parser.fqn());
        return parts;
    }
}
