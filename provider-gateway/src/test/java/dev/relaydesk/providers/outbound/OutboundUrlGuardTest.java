package dev.relaydesk.providers.outbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundUrlGuardTest {

    /** A DNS that answers from a table, so names can be made to point inside the network. */
    private static final OutboundUrlGuard.HostResolver DNS = host -> {
        Map<String, String> table = Map.of(
                "localhost", "127.0.0.1",
                "crm.example.com", "93.184.216.34",
                "evil.example.com", "10.1.2.3",
                "crm.internal", "10.20.5.6");
        String address = table.getOrDefault(host, host);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    };

    private static OutboundUrlGuard guard(String... allowList) {
        return new OutboundUrlGuard(List.of(allowList), DNS);
    }

    @Test
    void publicAddressesPass() {
        assertDoesNotThrow(() -> guard().check("https://crm.example.com/hooks"));
        assertDoesNotThrow(() -> guard().check("http://93.184.216.34:8080/"));
    }

    @Test
    void internalAddressesAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://172.16.3.4/",
                "http://192.168.1.1/", "http://127.0.0.1:8086/", "http://localhost/", "http://0.0.0.0/",
                "http://224.0.0.1/", "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/",
                "http://[::ffff:10.0.0.1]/", "http://evil.example.com/")) {
            RefusedUrlException refused = assertThrows(RefusedUrlException.class, () -> guard().check(url), url);
            assertTrue(refused.getMessage().contains("internal address"), url + ": " + refused.getMessage());
        }
    }

    @Test
    void anAllowListedHostPassesButOnlyAsWritten() {
        OutboundUrlGuard guard = guard("127.0.0.1");
        assertDoesNotThrow(() -> guard.check("http://127.0.0.1:9999/hook"));
        assertThrows(RefusedUrlException.class, () -> guard.check("http://localhost:9999/hook"));
    }

    @Test
    void anAllowListedBlockAdmitsTheAddressesInsideIt() {
        OutboundUrlGuard guard = guard("10.20.0.0/16");
        assertDoesNotThrow(() -> guard.check("http://crm.internal/hook"));
        assertDoesNotThrow(() -> guard.check("http://10.20.255.1/hook"));
        assertThrows(RefusedUrlException.class, () -> guard.check("http://10.21.0.1/hook"));
        assertThrows(RefusedUrlException.class, () -> guard.check("http://evil.example.com/"));
    }

    @Test
    void onlyHttpUrlsToResolvableHostsWithoutCredentials() {
        assertThrows(RefusedUrlException.class, () -> guard().check("ftp://crm.example.com/"));
        assertThrows(RefusedUrlException.class, () -> guard().check("file:///etc/passwd"));
        assertThrows(RefusedUrlException.class, () -> guard().check("https://user:pw@crm.example.com/"));
        assertThrows(RefusedUrlException.class, () -> guard().check("https://no-such-host.invalid/"));
        assertThrows(RefusedUrlException.class, () -> guard().check("not a url"));
    }
}
