package io.catalogbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void namesThatCanExistPass() {
        for (String host : new String[] {"dq-partner.mtse.alationcloud.com", "alation.example.com.", "localhost",
                "a-b.c1", "127.0.0.1", "[fe80::1]", "x".repeat(63) + ".example", ("a".repeat(62) + ".").repeat(4) + "c"}) {
            assertThat(HostNames.problem(host)).as(host).isNull();
        }
    }

    @Test
    void namesThatCannotExistAreRefusedWithTheReason() {
        assertThat(HostNames.problem("a".repeat(5_000) + ".com")).isEqualTo("has a host name longer than 253 characters");
        assertThat(HostNames.problem(("a".repeat(62) + ".").repeat(4) + "cc"))
                .isEqualTo("has a host name longer than 253 characters");
        assertThat(HostNames.problem("x".repeat(64) + ".example"))
                .isEqualTo("has a host name label longer than 63 characters");
        assertThat(HostNames.problem("a..b")).isEqualTo("has an empty label in its host name");
        for (String host : new String[] {"-a.example", "a-.example", "exa_mple.com", "a b.com", "caf\u00e9.example"}) {
            assertThat(HostNames.problem(host)).as(host)
                    .isEqualTo("has a host name label that is not letters, digits and inner hyphens");
        }
        assertThat(HostNames.problem("")).isEqualTo("has no host name");
    }
}
