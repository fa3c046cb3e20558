package org.sitekeeper.sites.internal.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sitekeeper.core.api.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteUrlsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://Shop.Example.COM:443/blog/, https://shop.example.com/blog",
        "http://example.com:80, http://example.com",
        "HTTP://Example.com///, http://example.com",
        "https://example.com:8443/, https://example.com:8443",
        "http://example.com:443/, http://example.com:443",
        "https://example.com/Path/With/Case/, https://example.com/Path/With/Case",
        "https://example.com/page#section, https://example.com/page",
        "https://example.com./, https://example.com",
        "'  https://example.com  ', https://example.com",
        "https://bücher.example/, https://xn--bcher-kva.example",
        "http://[2001:DB8::1]:8080/x/, http://[2001:db8::1]:8080/x",
        "http://192.0.2.10, http://192.0.2.10",
        "https://my_site.example.com, https://my_site.example.com",
        "https://example.com/%7Euser/, https://example.com/%7Euser"
    })
    void normalisesToOneSpelling(String raw, String normal) {
        assertThat(SiteUrls.normalize("url", raw)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "example.com | url must start with http:// or https://",
                "ftp://example.com | url must use http or https",
                "javascript://alert(1) | url must use http or https",
                "https://user:secret@example.com | url must not contain a user name or password",
                "https://example.com/?page_id=2 | url must not have a query string (?…)",
                "https:///path | url must have a host name",
                "https://example.com:0 | url has an invalid port",
                "https://example.com:70000 | url has an invalid port",
                "https://example.com:http | url has an invalid port",
                "https://exa mple.com | url has an invalid host name",
                "https://-bad-.example.com | url has an invalid host name",
                "https://example.com/a b | url has characters that must be percent-encoded in its path",
                "https://example.com/<x> | url has characters that must be percent-encoded in its path",
                "https://[::1 | url has an unclosed IPv6 address",
                "https://[zz::1] | url has an invalid IPv6 address",
                "http://300.1.1.1 | url has an invalid IPv4 address"
            })
    void refusesWhatIsNotASiteUrlNamingTheField(String raw, String message) {
        assertThatThrownBy(() -> SiteUrls.normalize("url", raw))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void refusesMissingAndOverlongUrls() {
        assertThatThrownBy(() -> SiteUrls.normalize("url", "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code())
                        .isEqualTo(InvalidInputException.MISSING_FIELD));
        String longUrl = "https://example.com/" + "a".repeat(SiteUrls.MAX_LENGTH);
        assertThatThrownBy(() -> SiteUrls.normalize("url", longUrl)).hasMessage("url must be at most 2000 characters");
    }

    @Test
    void findsTheHostOfANormalUrl() {
        assertThat(SiteUrls.hostOf("https://shop.example.com:8443/blog")).isEqualTo("shop.example.com");
        assertThat(SiteUrls.hostOf("http://[2001:db8::1]:8080/x")).isEqualTo("[2001:db8::1]");
        assertThat(SiteUrls.hostOf("https://example.com")).isEqualTo("example.com");
    }
}
