package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTreeWalker;
import org.junit.jupiter.api.Test;
import org.openmetadata.schema.FqnBaseListener;
import org.openmetadata.schema.FqnLexer;
import org.openmetadata.schema.FqnParser;

/**
 * The FQN rules held to OpenMetadata's own grammar: openmetadata-spec 1.4.0 ships {@code FqnLexer}/{@code FqnParser}
 * (generated from {@code Fqn.g4}); its {@code FullyQualifiedName} is in the server jar, not here, so the parts are
 * read back the way that class does (a listener collecting each name's text, the parser bailing on any error).
 */
class OpenMetadataFqnTest {

    @Test
    void theContractsExampleIsBuiltAndReadBackByOpenMetadatasParser() {
        String fqn = OpenMetadataFqn.build("pg_prod", "sales", "public", "fin.ledger");

        assertThat(fqn).isEqualTo("pg_prod.sales.public.\"fin.ledger\"");
        assertThat(openMetadataSplit(fqn)).containsExactly("pg_prod", "sales", "public", "\"fin.ledger\"");
    }

    @Test
    void partsWithoutDotsStandAsTheyAre() {
        assertThat(OpenMetadataFqn.build("snowflake_prod", "ANALYTICS", "MARTS", "F_ORDERS"))
                .isEqualTo("snowflake_prod.ANALYTICS.MARTS.F_ORDERS");
        assertThat(OpenMetadataFqn.build("sql server", "Adventure Works", "dbo", "Fire Incidents"))
                .isEqualTo("sql server.Adventure Works.dbo.Fire Incidents");
        assertThat(OpenMetadataFqn.build("glue", "db", "s", "/HKS/TAB")).isEqualTo("glue.db.s./HKS/TAB");
        assertThat(OpenMetadataFqn.build("mysql_prod", "default", "shop", "orders"))
                .isEqualTo("mysql_prod.default.shop.orders");
    }

    @Test
    void everyDottedPartIsQuotedWhereverItStands() {
        assertThat(OpenMetadataFqn.build("svc.eu", "db", "my.schema", "t")).isEqualTo("\"svc.eu\".db.\"my.schema\".t");
        assertThat(OpenMetadataFqn.build(".")).isEqualTo("\".\"");
        assertThat(OpenMetadataFqn.build("a.", "b")).isEqualTo("\"a.\".b");
    }

    @Test
    void buildingIsIdempotentOnPartsAlreadyQuotedAndUnquotesWhatNeedsNoQuotes() {
        assertThat(OpenMetadataFqn.quote("\"fin.ledger\"")).isEqualTo("\"fin.ledger\"");
        assertThat(OpenMetadataFqn.quote("\"sales\"")).isEqualTo("sales");
        assertThat(OpenMetadataFqn.build("pg_prod", "sales", "public", OpenMetadataFqn.quote("fin.ledger")))
                .isEqualTo("pg_prod.sales.public.\"fin.ledger\"");
        assertThat(OpenMetadataFqn.quote(OpenMetadataFqn.quote("a\"b"))).isEqualTo(OpenMetadataFqn.quote("a\"b"));
    }

    /** 2,000 four-part names of hostile characters (dots, spaces, colons, slashes, non-ASCII), no double quote. */
    @Test
    void anyQuoteFreeNamesAreReadBackPartForPartByOpenMetadatasParser() {
        Random random = new Random(20_260_601);
        String alphabet = "abcXYZ09_-.. :/\\'`$#?%&+=()[]{}<>|*éü中🙂\t";
        for (int i = 0; i < 2_000; i++) {
            List<String> parts = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                StringBuilder part = new StringBuilder();
                int length = 1 + random.nextInt(8);
                while (part.length() < length) {
                    part.appendCodePoint(alphabet.codePoints().skip(random.nextInt(
                            (int) alphabet.codePoints().count())).findFirst().orElseThrow());
                }
                parts.add(part.toString());
            }
            String fqn = OpenMetadataFqn.build(parts.toArray(String[]::new));

            List<String> read = openMetadataSplit(fqn).stream().map(OpenMetadataFqnTest::unwrap).toList();

            assertThat(read).as("FQN %s of %s", fqn, parts).isEqualTo(parts);
        }
    }

    @Test
    void aQuoteInsideIsWrittenInTheCurrentServersFormWhichThe14GrammarCannotHold() {
        assertThat(OpenMetadataFqn.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(OpenMetadataFqn.quote("Spalte \"1\"")).isEqualTo("\"Spalte \"\"1\"\"\"");
        assertThat(OpenMetadataFqn.build("s", "d", "p", "x\".y")).isEqualTo("s.d.p.\"x\"\".y\"");
        // the 1.4 grammar has no escape for a quote: such names cannot be in a 1.4 FQN at all
        assertThatThrownBy(() -> openMetadataSplit("s.d.p.\"a\"\"b\"")).isInstanceOf(ParseCancellationException.class);
        assertThatThrownBy(() -> openMetadataSplit("s.d.p.a\\\"b")).isInstanceOf(ParseCancellationException.class);
        assertThat(OpenMetadataFqn.isPortable("a\"b")).isFalse();
        assertThat(OpenMetadataFqn.isPortable("fin.ledger")).isTrue();
        assertThat(OpenMetadataFqn.isPortable("\"fin.ledger\"")).isTrue();
        assertThat(OpenMetadataFqn.isPortable("")).isFalse();
        assertThat(OpenMetadataFqn.isPortable(null)).isFalse();
    }

    @Test
    void anEmptyOrMissingPartIsRefused() {
        assertThatThrownBy(() -> OpenMetadataFqn.build("s", "", "p", "t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An FQN part may not be empty");
        assertThatThrownBy(() -> OpenMetadataFqn.build("s", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An FQN part may not be null");
        assertThatThrownBy(OpenMetadataFqn::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anFqnIsOnePathSegmentWithEverythingButUnreservedCharactersEncoded() {
        assertThat(OpenMetadataFqn.encodeAsPathSegment("pg_prod.sales.public.\"fin.ledger\""))
                .isEqualTo("pg_prod.sales.public.%22fin.ledger%22");
        assertThat(OpenMetadataFqn.encodeAsPathSegment("svc.db.dbo.Fire Incidents+2"))
                .isEqualTo("svc.db.dbo.Fire%20Incidents%2B2");
        assertThat(OpenMetadataFqn.encodeAsPathSegment("glue.db.s./HKS/T?x#y%z"))
                .isEqualTo("glue.db.s.%2FHKS%2FT%3Fx%23y%25z");
        assertThat(OpenMetadataFqn.encodeAsPathSegment("s.d.p.Café_中")).isEqualTo("s.d.p.Caf%C3%A9_%E4%B8%AD");
        assertThat(OpenMetadataFqn.encodeAsPathSegment("a-b_c~d.e")).isEqualTo("a-b_c~d.e");
    }

    @Test
    void theEncodedSegmentStaysOneSegmentAndDecodesToTheFqn() {
        String fqn = "s.d.p.\"a/b c?.d\"#%e+";
        String path = "/api/v1/tables/name/" + OpenMetadataFqn.encodeAsPathSegment(fqn);

        URI uri = URI.create("https://om.example.com" + path);

        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.getRawPath().split("/")).hasSize(6);
        assertThat(URLDecoder.decode(uri.getRawPath().substring("/api/v1/tables/name/".length()),
                StandardCharsets.UTF_8)).isEqualTo(fqn);
    }

    /** As OpenMetadata's {@code FullyQualifiedName.split}: each name's text, quotes kept, any syntax error fatal. */
    private static List<String> openMetadataSplit(String fqn) {
        FqnLexer lexer = new FqnLexer(CharStreams.fromString(fqn));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int position, String message,
                    RecognitionException e) {
                throw new ParseCancellationException(message);
            }
        });
        FqnParser parser = new FqnParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        List<String> parts = new ArrayList<>();
        new ParseTreeWalker().walk(new FqnBaseListener() {
            @Override
            public void enterQuotedName(FqnParser.QuotedNameContext context) {
                parts.add(context.getText());
            }

            @Override
            public void enterUnquotedName(FqnParser.UnquotedNameContext context) {
                parts.add(context.getText());
            }
        }, parser.fqn());
        return parts;
    }

    private static String unwrap(String part) {
        return part.length() > 1 && part.startsWith("\"") && part.endsWith("\"") ? part.substring(1, part.length() - 1)
                : part;
    }
}
