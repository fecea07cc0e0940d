package dev.relaydesk.portal.limit;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address of the client of the current request. Behind the ingress it comes from X-Forwarded-For, which
 * Quarkus honours only from trusted proxies (quarkus.http.proxy.trusted-proxies), so a client cannot pick one.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    RoutingContext request;

    public String current() {
        SocketAddress remote = request.request().remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    /** Enough to tell networks apart in an access log, not enough to point at one person: IPv4 /24, IPv6 /48. */
    public static String network(String address) {
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return "unknown"; // never a name lookup
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (UnknownHostException | RuntimeException e) {
            return "unknown";
        }
    }
}
