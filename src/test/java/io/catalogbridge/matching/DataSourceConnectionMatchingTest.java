package io.catalogbridge.matching;

import static io.catalogbridge.matching.CatalogFixtures.asset;
import static io.catalogbridge.matching.CatalogFixtures.connectorSource;
import static io.catalogbridge.matching.CatalogFixtures.nativeSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.catalogbridge.alation.AlationDataSource;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSourceConnectionMatchingTest {

    private static DataSourceConnection connection(String type, String host, Integer port, String database) {
        return new DataSourceConnection(type, host, port, database);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            postgresql://pg.example.com:5432/sales                        | postgresql | pg.example.com | 5432  | sales
            postgres://PG.Example.com/sales?sslmode=require               | postgresql | pg.example.com | -     | sales
            jdbc:postgresql://pg.example.com:5433/sales                   | postgresql | pg.example.com | 5433  | sales
            JDBC:PostgreSQL://reader:s3cret@pg.example.com:5432/sales     | postgresql | pg.example.com | 5432  | sales
            postgresql://[2001:db8::1]:5432/sales                         | postgresql | 2001:db8::1    | 5432  | sales
            mysql://mysql.example.com:3306/shop                           | mysql      | mysql.example.com | 3306 | shop
            mariadb://maria.example.com/shop                              | mysql      | maria.example.com | -  | shop
            sqlserver://sql.example.com:1433;databaseName=adventureworks  | sqlserver  | sql.example.com | 1433 | adventureworks
            jdbc:sqlserver://sql.example.com;database=adventureworks;encrypt=true | sqlserver | sql.example.com | - | adventureworks
            sqlserver://sql.example.com\\SQLEXPRESS:1433;DatabaseName=adventureworks | sqlserver | sql.example.com | 1433 | adventureworks
            jdbc:jtds:sqlserver://sql.example.com:1433/adventureworks     | sqlserver  | sql.example.com | 1433 | adventureworks
            snowflake://acme.snowflakecomputing.com:443/?db=SALES&warehouse=WH | snowflake | acme.snowflakecomputing.com | 443 | SALES
            snowflake://acme.snowflakecomputing.com/?warehouse=WH&database=SALES | snowflake | acme.snowflakecomputing.com | - | SALES
            redshift://cluster.x.redshift.amazonaws.com:5439/dev          | redshift   | cluster.x.redshift.amazonaws.com | 5439 | dev
            redshift:iam://cluster.x.redshift.amazonaws.com:5439/dev      | redshift   | cluster.x.redshift.amazonaws.com | 5439 | dev
            oracle://ora.example.com:1521/ORCL                            | oracle     | ora.example.com | 1521 | ORCL
            oracle:thin:@ora.example.com:1521/ORCL                        | oracle     | ora.example.com | 1521 | ORCL
            jdbc:oracle:thin:@//ora.example.com:1521/ORCL                 | oracle     | ora.example.com | 1521 | ORCL
            oracle:thin:scott/tiger@ora.example.com:1521:ORCL             | oracle     | ora.example.com | 1521 | ORCL
            jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora.example.com)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCL))) | oracle | ora.example.com | 1521 | ORCL
            bigquery://my-project-123                                     | bigquery   | -               | -    | my-project-123
            bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=my-project-123;OAuthType=0 | bigquery | - | - | my-project-123
            databricks://adb-1.azuredatabricks.net:443/default            | databricks | adb-1.azuredatabricks.net | 443 | -
            databricks://adb-1.azuredatabricks.net:443/default;transportMode=http;ConnCatalog=main;httpPath=sql/1 | databricks | adb-1.azuredatabricks.net | 443 | main
            hive2://hive.example.com:10000/default                        | hive       | hive.example.com | 10000 | default
            postgresql://pg.example.com/my%20db                           | postgresql | pg.example.com | -     | my db
            vendorx://vx.example.com:7000/lake                            | vendorx    | vx.example.com | 7000  | lake
            """)
    void parsesEachUriForm(String uri, String type, String host, Integer port, String database) {
        assertThat(DataSourceConnection.parseUri(uri)).isEqualTo(connection(type, host, port, database));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            not a uri                      | -          | -    | -    | -
            ://                            | -          | -    | -    | -
            @@@://@@@                      | -          | -    | -    | -
            postgresql://                  | postgresql | -    | -    | -
            postgresql://:/                | postgresql | -    | -    | -
            postgresql://host:99999/db     | postgresql | host | -    | db
            postgresql://host:abc/db       | postgresql | host | -    | db
            postgresql://host/%zz          | postgresql | host | -    | %zz
            oracle:thin:@                  | oracle     | -    | -    | -
            oracle:thin:@:                 | oracle     | -    | -    | -
            oracle:thin:@host:1521:        | oracle     | host | 1521 | -
            oracle:                        | oracle     | -    | -    | -
            jdbc:                          | -          | -    | -    | -
            sqlserver://;;;===             | sqlserver  | -    | -    | -
            snowflake://?db=               | snowflake  | -    | -    | -
            bigquery://                    | bigquery   | -    | -    | -
            [                              | -          | -    | -    | -
            """)
    void garbageYieldsUnknownsAndNeverThrows(String uri, String type, String host, Integer port, String database) {
        assertThat(DataSourceConnection.parseUri(uri)).isEqualTo(connection(type, host, port, database));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void noUriIsUnknown(String uri) {
        assertThat(DataSourceConnection.parseUri(uri)).isEqualTo(DataSourceConnection.UNKNOWN);
    }

    @Test
    void randomTextNeverThrows() {
        String alphabet = "abc:/@;?&=[]().%\\ 0123456789jdbcoraclethinsqlserver";
        Random random = new Random(20250101L);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "jdbc:" : "");
            text.append(random.nextBoolean() ? "oracle:thin:@" : random.nextBoolean() ? "sqlserver://" : "");
            for (int length = random.nextInt(40); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatCode(() -> DataSourceConnection.parseUri(text.toString())).as(text.toString())
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", textBlock = """
            postgresql,            postgresql
            Postgres,              postgresql
            PGSQL,                 postgresql
            MSSQL,                 sqlserver
            SQL Server,            sqlserver
            Azure SQL,             sqlserver
            azure_sql,             sqlserver
            MariaDB,               mysql
            Oracle,                oracle
            Amazon Redshift,       redshift
            Snowflake,             snowflake
            Google BigQuery,       bigquery
            Databricks Unity Catalog, databricks
            jdbc:postgresql,       postgresql
            Vendor-X DB,           vendorxdb
            '  ',                  -
            """)
    void normalisesTypeNames(String type, String canonical) {
        assertThat(DatabaseTypes.normalise(type)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            postgres,   5432
            mysql,      3306
            mssql,      1433
            oracle,     1521
            redshift,   5439
            snowflake,  443
            databricks, 443
            bigquery,   443
            vendorx,    -
            -,          -
            """)
    void knowsDefaultPorts(String type, Integer port) {
        assertThat(DatabaseTypes.defaultPort(type)).isEqualTo(port);
    }

    @Test
    void nativeSourceUsesItsFields() {
        AlationDataSource source = nativeSource(1, "Sales", "postgresql", "PG.example.com.", "5432", "sales");

        assertThat(source.connection()).isEqualTo(connection("postgresql", "pg.example.com", 5432, "sales"));
    }

    @Test
    void nativeSourceTakesWhatItsFieldsLackFromItsUri() {
        AlationDataSource source = new AlationDataSource(1L, "Sales", "postgresql", " ", "n/a", null,
                "postgresql://pg.example.com:5433/sales", false);

        assertThat(source.connection()).isEqualTo(connection("postgresql", "pg.example.com", 5433, "sales"));
    }

    @Test
    void nativeFieldsWinOverTheUri() {
        AlationDataSource source = new AlationDataSource(1L, "Sales", "postgresql", "pg1.example.com", "5432", "sales",
                "postgresql://pg2.example.com:6432/other", false);

        assertThat(source.connection()).isEqualTo(connection("postgresql", "pg1.example.com", 5432, "sales"));
    }

    @Test
    void connectorSourceIsReadFromItsUri() {
        AlationDataSource source = connectorSource(2, "Warehouse", "sqlserver://sql.example.com:1433;databaseName=aw");

        assertThat(source.connection()).isEqualTo(connection("sqlserver", "sql.example.com", 1433, "aw"));
    }

    @Test
    void assetConnectionIsNormalisedLikeAlations() {
        assertThat(DataSourceConnection.of(asset("a", "Postgres", "PG.Example.com", 5432, "sales", "public", "t")))
                .isEqualTo(connection("postgresql", "pg.example.com", 5432, "sales"));
    }

    @Test
    void agreesWhenEverythingBothKnowIsEqualIgnoringCase() {
        DataSourceConnection alation = connection("postgresql", "pg.example.com", 5432, "Sales");

        assertThat(alation.agreesWith(connection("POSTGRES", "PG.EXAMPLE.COM", 5432, "sales"))).isTrue();
        assertThat(alation.agreesWith(connection(null, "pg.example.com", null, null))).isTrue();
        assertThat(alation.agreesWith(connection(null, null, null, "SALES"))).isTrue();
    }

    @Test
    void disagreesOnAnyKnownDifference() {
        DataSourceConnection alation = connection("postgresql", "pg.example.com", 5432, "sales");

        assertThat(alation.agreesWith(connection("mysql", "pg.example.com", 5432, "sales"))).isFalse();
        assertThat(alation.agreesWith(connection("postgresql", "pg2.example.com", 5432, "sales"))).isFalse();
        assertThat(alation.agreesWith(connection("postgresql", "pg.example.com", 6432, "sales"))).isFalse();
        assertThat(alation.agreesWith(connection("postgresql", "pg.example.com", 5432, "hr"))).isFalse();
    }

    @Test
    void aMissingPortIsTheTypesDefault() {
        DataSourceConnection withoutPort = connection("postgresql", "pg.example.com", null, "sales");

        assertThat(withoutPort.agreesWith(connection("postgresql", "pg.example.com", 5432, "sales"))).isTrue();
        assertThat(withoutPort.agreesWith(connection("postgresql", "pg.example.com", 6432, "sales"))).isFalse();
        // the side without a type takes the other side's: 5432 is PostgreSQL's default, not MySQL's
        assertThat(connection(null, "h", 5432, null).agreesWith(connection("postgresql", "h", null, null))).isTrue();
        assertThat(connection(null, "h", 5432, null).agreesWith(connection("mysql", "h", null, null))).isFalse();
    }

    @Test
    void portsWithoutAnyTypeAreOnlyComparedWhenBothAreKnown() {
        assertThat(connection(null, "h", null, null).agreesWith(connection(null, "h", 7000, null))).isTrue();
        assertThat(connection(null, "h", 7001, null).agreesWith(connection(null, "h", 7000, null))).isFalse();
    }

    @Test
    void typeAndPortAloneAreNoConnectionMatch() {
        DataSourceConnection alation = connection("postgresql", "pg.example.com", 5432, "sales");

        assertThat(alation.agreesWith(connection("postgresql", null, 5432, null))).isFalse();
        assertThat(alation.agreesWith(DataSourceConnection.UNKNOWN)).isFalse();
        assertThat(connection("postgresql", null, 5432, null).agreesWith(connection("postgresql", "h", 5432, "d")))
                .isFalse();
    }
}
