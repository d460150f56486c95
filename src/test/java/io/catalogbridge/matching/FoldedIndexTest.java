package io.catalogbridge.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher's index looks a name up in any case as Names.fold would, ASCII by the fast path, the rest folded. */
class FoldedIndexTest {

    @Test
    void findsAnAsciiNameInAnyCaseAndNothingElse() {
        FoldedIndex<String> index = new FoldedIndex<>();
        assertThat(index.computeIfAbsent("Customer_Address", folded -> "value of " + folded))
                .isEqualTo("value of customer_address");
        assertThat(index.computeIfAbsent("CUSTOMER_ADDRESS", folded -> "second")).isEqualTo("value of customer_address");

        assertThat(index.get("customer_address")).isEqualTo("value of customer_address");
        assertThat(index.get("CUSTOMER_ADDRESS")).isEqualTo("value of customer_address");
        assertThat(index.get("cUsToMeR_aDdReSs")).isEqualTo("value of customer_address");
        assertThat(index.get("customer_addres")).isNull();
        assertThat(index.get("customer_address ")).isNull();
        // '@' and '[' sit next to 'A' and 'Z': they are no letters, and fold to themselves
        assertThat(index.get("@ustomer_address")).isNull();
        assertThat(index.get(null)).isNull();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void foldsANameBeyondAsciiAsNamesFoldDoes() {
        FoldedIndex<String> index = new FoldedIndex<>();
        index.computeIfAbsent("ÄRGER", folded -> folded);
        index.computeIfAbsent("İSTANBUL", folded -> folded);

        assertThat(index.get("ärger")).isEqualTo("ärger");
        assertThat(index.get("Ärger")).isEqualTo("ärger");
        assertThat(index.get("aRGER")).isNull();
        // Locale.ROOT folds the dotted capital I into i and a combining dot: the key is that, not "istanbul"
        assertThat(index.get("İstanbul")).isEqualTo(Names.fold("İSTANBUL")).hasSize(9);
        assertThat(index.get("istanbul")).isNull();
    }

    @Test
    void keepsEveryKeyAsItGrows() {
        FoldedIndex<Integer> index = new FoldedIndex<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String name = (i % 2 == 0 ? "Table_" : "TABLE_") + i;
            names.add(name);
            int value = i;
            index.computeIfAbsent(name, folded -> value);
        }
        assertThat(index.size()).isEqualTo(5_000);
        for (int i = 0; i < names.size(); i++) {
            assertThat(index.get(names.get(i).toLowerCase(java.util.Locale.ROOT))).isEqualTo(i);
            assertThat(index.get(names.get(i).toUpperCase(java.util.Locale.ROOT))).isEqualTo(i);
        }
        assertThat(index.get("table_5000")).isNull();
    }

    @Test
    void hashesAnAsciiNameAsItsFoldedForm() {
        for (String name : List.of("", "a", "Orders \"copy\"", "Employees.FullTime", "SALES_QUOTA_V2", "x[y]@z`{")) {
            assertThat(FoldedIndex.asciiFoldedHash(name)).as(name).isEqualTo(Names.fold(name).hashCode());
        }
    }
}
